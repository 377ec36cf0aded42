import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { commandVersion, ensureDebianPackages, ensureGoBinaries } from './binaries';
import { jaegerConfig, prometheusConfig } from './configs';
import { removeLabEnv, writeLabEnv, type LabEnv } from './env-file';
import { bootstrapKube } from './kube-bootstrap';
import { formatDuration, say } from './log';
import { kubeconfigYaml, ensurePki } from './pki';
import { HOST, labPaths, PORTS, ROOT } from './paths';
import { httpOk, httpsRequest, portFree } from './probes';
import { killStrays, LabPartError, Supervisor } from './supervisor';

export interface Lab {
  env: LabEnv;
  /** Version of each server, for the record. */
  versions: Record<string, string>;
  supervisor: Supervisor;
  stop(): Promise<void>;
}

/**
 * Prometheus is started again this long after it dies, as a kubelet restarts a crashed pod (its back-off runs 10 s,
 * 20 s, 40 s…), so a test can kill it and watch the console recover without anyone restarting anything. Longer than
 * a page's 10-second refresh and its retries, so the outage shows on the page instead of being ridden out.
 */
export const PROMETHEUS_RESTART_DELAY_MS = 30_000;

const PART_PORTS: [string, number][] = [
  ['etcd', PORTS.etcdClient],
  ['etcd', PORTS.etcdPeer],
  ['kube-apiserver', PORTS.kubeApi],
  ['prometheus', PORTS.prometheus],
  ['jaeger', PORTS.jaegerQuery],
  ['jaeger', PORTS.jaegerOtlpGrpc],
  ['jaeger', PORTS.jaegerOtlpHttp],
  ['jaeger', PORTS.jaegerHealth],
  ['mesh simulator', PORTS.simulator],
];

async function checkPorts(): Promise<void> {
  const busy: string[] = [];
  for (const [part, port] of PART_PORTS) {
    if (!(await portFree(port, HOST))) busy.push(`${HOST}:${port} (${part})`);
  }
  if (busy.length > 0) {
    throw new LabPartError('lab', `cannot start: already in use: ${busy.join(', ')}. Is another lab or server running?`);
  }
}

export interface LabOptions {
  /** Scenario the mesh simulator plays (a name under lab/scenarios, a path, or `large:N`). */
  scenario?: string;
}

/**
 * Builds what is missing, starts etcd, kube-apiserver, Prometheus and Jaeger on loopback, then the mesh simulator
 * that feeds them, and waits until all are ready.
 */
export async function startLab(options: LabOptions = {}): Promise<Lab> {
  const scenario = options.scenario ?? process.env.LAB_SCENARIO ?? 'bookinfo';
  const started = Date.now();
  for (const stray of killStrays()) say(`stopped a leftover ${stray}`);
  ensureDebianPackages([{ command: 'prometheus', pkg: 'prometheus' }]);
  const bins = await ensureGoBinaries();
  await checkPorts();
  const pki = ensurePki();
  const kubeUrl = `https://${HOST}:${PORTS.kubeApi}`;
  writeFileSync(labPaths.kubeconfigAdmin, kubeconfigYaml(kubeUrl, pki.caCert, pki.admin), { mode: 0o600 });
  writeFileSync(labPaths.kubeconfigViewer, kubeconfigYaml(kubeUrl, pki.caCert, pki.viewer), { mode: 0o600 });
  // Every start is a fresh cluster: no state leaks from one run into the next.
  rmSync(labPaths.run, { recursive: true, force: true });
  mkdirSync(labPaths.run, { recursive: true });
  writeFileSync(join(labPaths.run, 'prometheus.yml'), prometheusConfig());
  writeFileSync(join(labPaths.run, 'jaeger.yaml'), jaegerConfig());

  const sup = new Supervisor();
  const stop = async () => {
    removeLabEnv();
    await sup.stopAll();
  };
  try {
    const etcdUrl = `http://${HOST}:${PORTS.etcdClient}`;
    const peerUrl = `http://${HOST}:${PORTS.etcdPeer}`;
    const etcd = sup.start('etcd', bins.etcd.path, [
      '--name=lab',
      `--data-dir=${join(labPaths.run, 'etcd')}`,
      `--listen-client-urls=${etcdUrl}`,
      `--advertise-client-urls=${etcdUrl}`,
      `--listen-peer-urls=${peerUrl}`,
      `--initial-advertise-peer-urls=${peerUrl}`,
      `--initial-cluster=lab=${peerUrl}`,
      '--unsafe-no-fsync', // a throwaway lab cluster: speed over durability
      '--log-level=warn',
    ]);
    await sup.waitReady(etcd, () => httpOk(`${etcdUrl}/health`, (b) => b.includes('"health":"true"')), 30_000);
    say('etcd ready');

    const apiserver = sup.start('kube-apiserver', bins['kube-apiserver'].path, [
      `--etcd-servers=${etcdUrl}`,
      `--bind-address=${HOST}`,
      `--advertise-address=${HOST}`,
      `--secure-port=${PORTS.kubeApi}`,
      `--tls-cert-file=${pki.serverCert}`,
      `--tls-private-key-file=${pki.serverKey}`,
      `--client-ca-file=${pki.caCert}`,
      `--token-auth-file=${pki.tokenFile}`,
      '--authorization-mode=RBAC',
      '--service-account-issuer=https://kubernetes.default.svc.cluster.local',
      `--service-account-key-file=${pki.serviceAccountPub}`,
      `--service-account-signing-key-file=${pki.serviceAccountKey}`,
      '--service-cluster-ip-range=10.96.0.0/16',
      // No kubelets or controllers run here, and a loopback address cannot be an Endpoints entry.
      '--endpoint-reconciler-type=none',
      `--cert-dir=${join(labPaths.run, 'apiserver-certs')}`,
      '--profiling=false',
    ]);
    const prometheus = sup.start('prometheus', 'prometheus', [
      `--config.file=${join(labPaths.run, 'prometheus.yml')}`,
      `--storage.tsdb.path=${join(labPaths.run, 'prometheus')}`,
      `--web.listen-address=${HOST}:${PORTS.prometheus}`,
      '--web.enable-lifecycle',
      '--storage.tsdb.retention.time=1d',
    ], { restartAfterMs: PROMETHEUS_RESTART_DELAY_MS });
    const jaeger = sup.start('jaeger', bins.jaeger.path, [`--config=${join(labPaths.run, 'jaeger.yaml')}`]);

    const promUrl = `http://${HOST}:${PORTS.prometheus}`;
    const jaegerUrl = `http://${HOST}:${PORTS.jaegerQuery}`;
    await Promise.all([
      sup.waitReady(apiserver, async () => (await httpsRequest(`${kubeUrl}/readyz`, { caFile: pki.caCert, token: pki.admin.token })).status === 200, 120_000)
        .then(() => say('kube-apiserver ready')),
      sup.waitReady(prometheus, () => httpOk(`${promUrl}/-/ready`), 60_000).then(() => say('prometheus ready')),
      sup.waitReady(jaeger, async () => (await httpOk(`http://${HOST}:${PORTS.jaegerHealth}/status`)) && (await httpOk(`${jaegerUrl}/api/v3/services`)), 60_000)
        .then(() => say('jaeger ready')),
    ]);
    const { crdCount } = await bootstrapKube({ url: kubeUrl, caFile: pki.caCert, token: pki.admin.token }, pki.viewer.group).catch((err: unknown) => {
      throw new LabPartError(apiserver, `rejected the lab's bootstrap (RBAC, Istio CRDs): ${err instanceof Error ? err.message : String(err)}`);
    });

    const simulatorUrl = `http://${HOST}:${PORTS.simulator}`;
    const simulator = sup.start('mesh-simulator', process.execPath, [
      '--import',
      'tsx',
      join(ROOT, 'lab/simulator/main.ts'),
      `--scenario=${scenario}`,
      `--kubeconfig=${labPaths.kubeconfigAdmin}`,
      `--port=${PORTS.simulator}`,
      `--otlp=http://${HOST}:${PORTS.jaegerOtlpHttp}`,
    ]);
    // A large scenario creates thousands of objects before it serves metrics.
    await sup.waitReady(simulator, () => httpOk(`${simulatorUrl}/healthz`), 300_000);
    say(`mesh simulator ready (scenario ${scenario})`);

    const env: LabEnv = {
      KUBE_API_URL: kubeUrl,
      KUBECONFIG_ADMIN: labPaths.kubeconfigAdmin,
      KUBECONFIG_VIEWER: labPaths.kubeconfigViewer,
      KUBE_ADMIN_TOKEN: pki.admin.token,
      KUBE_VIEWER_TOKEN: pki.viewer.token,
      ETCD_URL: etcdUrl,
      PROMETHEUS_URL: promUrl,
      JAEGER_URL: jaegerUrl,
      JAEGER_OTLP_HTTP_URL: `http://${HOST}:${PORTS.jaegerOtlpHttp}`,
      JAEGER_OTLP_GRPC_ADDRESS: `${HOST}:${PORTS.jaegerOtlpGrpc}`,
      SIMULATOR_URL: simulatorUrl,
      CONSOLE_URL: `http://${HOST}:${PORTS.console}`,
      LAB_PID: String(process.pid),
    };
    writeLabEnv(env);
    const versions = {
      'kube-apiserver': bins['kube-apiserver'].version,
      etcd: bins.etcd.version,
      jaeger: bins.jaeger.version,
      prometheus: /version (\S+)/.exec(commandVersion('prometheus'))?.[1] ?? 'unknown',
    };
    say(`ready in ${formatDuration(Date.now() - started)}: ${crdCount} Istio CRDs; ${Object.entries(versions).map(([k, v]) => `${k} ${v}`).join(', ')}`);
    return { env, versions, supervisor: sup, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
