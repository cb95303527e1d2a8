// The lab's Kafka brokers: 4.x always, 3.9 on demand (--kafka39).
import {kafkaServer} from '../kafka/broker.ts';
import {kafka4, kafka39 as kafka39Flavour} from '../kafka/versions.ts';

export const kafka = kafkaServer(kafka4);
export const kafka39 = kafkaServer(kafka39Flavour);
