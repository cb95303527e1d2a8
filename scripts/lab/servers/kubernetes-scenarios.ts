// The Kubernetes scenarios `npm run lab:scenario -- NAME` runs (see
// ../kubernetes/scenarios.ts for what each does and how to undo it).

import {certExpiry, crashloop, highCpu, nodeNotReady, oom, reset} from '../kubernetes/scenarios.ts';
import type {LabContext} from '../server.ts';
import {adminClient} from './kubernetes.ts';

type Run = (ctx: LabContext, client: ReturnType<typeof adminClient>) => Promise<void>;
const withAdmin = (run: Run) => (ctx: LabContext) => run(ctx, adminClient(ctx));

export const kubernetesScenarios: Record<string, (ctx: LabContext) => Promise<void>> = {
	crashloop: withAdmin(crashloop),
	oom: withAdmin(oom),
	'high-cpu': withAdmin(highCpu),
	'node-notready': withAdmin(nodeNotReady),
	'cert-expiry': withAdmin(certExpiry),
	reset: withAdmin(reset),
};
