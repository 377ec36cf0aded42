// The mesh simulator: plays a scenario's data plane against the lab (Kubernetes objects, Istio metrics, traces).
// Usage: main.ts --scenario bookinfo --kubeconfig .lab/kubeconfig-admin [--port 9901] [--otlp http://127.0.0.1:4318]
//        [--seed N] [--tick-ms 250]
import { parseArgs } from 'node:util';
import { KubeConfig } from '@kubernetes/client-node';
import { Engine } from './engine';
import { GroundTruth } from './ground-truth';
import { IstioConfigWatch } from './istio-watch';
import { ingressConfig, meshObjects } from './kube-objects';
import { syncIstioConfig, syncMeshObjects } from './kube-sync';
import { MeshMetrics } from './metrics';
import { loadScenario } from './scenario';
import { seededUniform } from './sampling';
import { startSimulatorServer } from './server';
import { buildRuntimeTopology } from './runtime-topology';
import { TraceExporter } from './tracer';

const { values } = parseArgs({
  options: {
    scenario: { type: 'string', default: 'bookinfo' },
    kubeconfig: { type: 'string' },
    port: { type: 'string', default: '9901' },
    otlp: { type: 'string' },
    seed: { type: 'string' },
    'tick-ms': { type: 'string', default: '250' },
  },
});

const LARGE_MESH_WORKLOADS = 200;
const LEAN_DURATION_BUCKETS_MS = [1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000];

function log(message: string): void {
  process.stderr.write(`[simulator] ${message}\n`);
}

async function main(): Promise<void> {
  if (!values.kubeconfig) throw new Error('--kubeconfig is required');
  const scenario = loadScenario(values.scenario);
  if (values.seed !== undefined) scenario.seed = Number(values.seed);
  const kc = new KubeConfig();
  kc.loadFromFile(values.kubeconfig);

  const started = Date.now();
  const objects = meshObjects(scenario);
  await syncMeshObjects(kc, objects);
  await syncIstioConfig(kc, ingressConfig(scenario));
  log(`created ${objects.workloads.length} workloads in ${objects.namespaces.length} namespaces in ${Date.now() - started} ms`);

  const podNames = new Map<string, string[]>();
  for (const w of objects.workloads) {
    const key = `${w.deployment.metadata?.namespace}/${w.deployment.metadata?.name}`;
    podNames.set(key, w.pods.map((p) => p.metadata?.name ?? ''));
  }
  const topology = buildRuntimeTopology(scenario, (ns, workload) => podNames.get(`${ns}/${workload}`) ?? []);
  const watch = new IstioConfigWatch(kc);
  await watch.start();

  // A large mesh follows Istio's advice for scale: no byte histograms, fewer latency buckets (as the
  // sidecar.istio.io/statsHistogramBuckets annotation sets them), and a shorter ground-truth window.
  const large = topology.workloads.length > LARGE_MESH_WORKLOADS;
  const metrics = new MeshMetrics(large ? { byteHistograms: false, durationBucketsMs: LEAN_DURATION_BUCKETS_MS } : {});
  const truth = new GroundTruth(large ? { maxWindowSeconds: 120, maxSamplesPerEdgeSecond: 8 } : {});
  const exporter = values.otlp ? new TraceExporter(values.otlp) : undefined;
  const engine = new Engine({
    scenario,
    topology,
    metrics,
    truth,
    config: () => watch.config(),
    uniform: seededUniform(scenario.seed),
    ...(exporter ? { spans: (s) => exporter.add(s) } : {}),
  });

  const tickMs = Number(values['tick-ms']);
  let last = Date.now();
  const ticker = setInterval(() => {
    const now = Date.now();
    engine.tick(now, (now - last) / 1000);
    last = now;
  }, tickMs);
  exporter?.start();

  const server = await startSimulatorServer(Number(values.port), {
    metrics: () => metrics.chunks(),
    truth: (window, endMs) => truth.report(window, endMs),
    status: () => ({
      scenario: scenario.name,
      seed: scenario.seed,
      simulatedRequests: engine.simulatedRequests,
      series: metrics.seriesCount(),
      spansSent: exporter?.sent ?? 0,
      spanExportFailures: exporter?.failures ?? 0,
      istioConfig: {
        virtualServices: watch.config().virtualServices.length,
        destinationRules: watch.config().destinationRules.length,
        peerAuthentications: watch.config().peerAuthentications.length,
        changedAt: watch.lastChangeMs(),
      },
      ignoredIstioObjects: Object.fromEntries(watch.rejected),
      memoryBytes: process.memoryUsage().rss,
    }),
  });
  log(`scenario ${scenario.name} (seed ${scenario.seed}) running; metrics on http://127.0.0.1:${values.port}/metrics`);

  const stop = async () => {
    clearInterval(ticker);
    server.close();
    await exporter?.stop();
    await watch.stop();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
}

main().catch((err: unknown) => {
  log(`failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
