// The lab's helper process: fake kubelets and scheduler (fake-kubelet.ts), the
// kubelets' log endpoint (kubelet-server.ts) and the metrics.k8s.io stand-in
// (metrics-server.ts), sharing one set of watches.
// Usage: node simulator.ts <kubeconfig> <metrics port> <kubelet port> <pki dir> <lab dir>
import {clientFromKubeconfig} from './client.ts';
import {eventRecorder} from './events.ts';
import {fakeKubelet} from './fake-kubelet.ts';
import {inform} from './informer.ts';
import {startKubeletServer} from './kubelet-server.ts';
import {startMetricsServer} from './metrics-server.ts';
import {postgresRestarts} from './postgres-restart.ts';
import {simConfigMap} from './sim-config.ts';
import type {ConfigMap, Node, Pod} from './types.ts';

const [kubeconfig, port, kubeletPort, pkiDir, labDir] = process.argv.slice(2);
if (!kubeconfig || !port || !kubeletPort || !pkiDir || !labDir) {
	console.error(
		'usage: simulator.ts <kubeconfig> <metrics port> <kubelet port> <pki dir> <lab dir>',
	);
	process.exit(2);
}
const log = (line: string) => console.log(`${new Date().toISOString()} ${line}`);
const client = clientFromKubeconfig(kubeconfig);

let kubelet: ReturnType<typeof fakeKubelet> | undefined;
const world = {
	pods: inform<Pod>(client, '/api/v1/pods', (key) => kubelet?.enqueue(key), log),
	nodes: inform<Node>(client, '/api/v1/nodes', () => kubelet?.enqueueAll(), log),
	config: inform<ConfigMap>(
		client,
		`/api/v1/namespaces/${simConfigMap.namespace}/configmaps?fieldSelector=metadata.name%3D${simConfigMap.name}`,
		() => kubelet?.enqueueAll(),
		log,
	),
};
kubelet = fakeKubelet(
	client,
	world,
	eventRecorder(client, log),
	log,
	postgresRestarts(labDir, log),
);
const kubeletServer = startKubeletServer(world, Number(kubeletPort), pkiDir, log);
const server = startMetricsServer(client, world, Number(port), pkiDir, log);

await Promise.all([world.pods.synced, world.nodes.synced, world.config.synced]);
log('simulator synced');
kubelet.enqueueAll();
const tick = setInterval(() => kubelet?.enqueueAll(), 2000);

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
	process.on(signal, () => {
		clearInterval(tick);
		for (const informer of Object.values(world)) informer.stop();
		server.close();
		kubeletServer.close();
		process.exit(0);
	});
}
