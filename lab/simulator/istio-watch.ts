import { KubeConfig, KubernetesObjectApi, ListWatch, Watch, type KubernetesObject } from '@kubernetes/client-node';
import { buildMeshConfig, type MeshConfig } from './istio-config';

const KINDS = [
  { apiVersion: 'networking.istio.io/v1', kind: 'VirtualService', path: '/apis/networking.istio.io/v1/virtualservices' },
  { apiVersion: 'networking.istio.io/v1', kind: 'DestinationRule', path: '/apis/networking.istio.io/v1/destinationrules' },
  { apiVersion: 'security.istio.io/v1', kind: 'PeerAuthentication', path: '/apis/security.istio.io/v1/peerauthentications' },
] as const;

/** Keeps the VirtualServices, DestinationRules and PeerAuthentications of the cluster, as Istio's sidecars would. */
export class IstioConfigWatch {
  private readonly caches: ListWatch<KubernetesObject>[] = [];
  private current: MeshConfig;
  private stopped = false;
  private changedAt = Date.now();
  /** Objects the simulator could not read, by `kind ns/name`, with why; logged once each. */
  readonly rejected = new Map<string, string>();

  constructor(
    private readonly kc: KubeConfig,
    private readonly rootNamespace = 'istio-system',
    private readonly onChange: (config: MeshConfig) => void = () => {},
  ) {
    this.current = { virtualServices: [], destinationRules: [], peerAuthentications: [], rootNamespace };
  }

  /** Lists each kind, then follows its changes; resolves once all three are listed. */
  async start(): Promise<void> {
    const objects = KubernetesObjectApi.makeApiClient(this.kc);
    const watch = new Watch(this.kc);
    for (const k of KINDS) {
      const cache = new ListWatch<KubernetesObject>(k.path, watch, () => objects.list(k.apiVersion, k.kind), false);
      for (const verb of ['add', 'update', 'delete'] as const) cache.on(verb, () => this.rebuild());
      // The client gives up on any error other than 410 or a timeout; a sidecar never stops listening.
      cache.on('error', (err: unknown) => {
        console.warn(`[simulator] watch of ${k.kind} failed (${err instanceof Error ? err.message : String(err)}); relisting`);
        if (!this.stopped) setTimeout(() => void cache.start().catch(() => undefined), 1_000);
      });
      this.caches.push(cache);
    }
    await Promise.all(this.caches.map((c) => c.start()));
    this.rebuild();
  }

  /** The mesh configuration as of the last event. */
  config(): MeshConfig {
    return this.current;
  }

  /** When the mesh configuration last changed (ms since the epoch); events that change nothing do not count. */
  lastChangeMs(): number {
    return this.changedAt;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all(this.caches.map((c) => c.stop()));
  }

  private rebuild(): void {
    const { config, rejected } = buildMeshConfig(this.caches.flatMap((c) => [...c.list()]), this.rootNamespace);
    const now = new Map<string, string>();
    for (const { object, reason } of rejected) {
      const meta = (object as KubernetesObject).metadata;
      const id = `${(object as KubernetesObject).kind} ${meta?.namespace}/${meta?.name}`;
      if (!this.rejected.has(id)) console.warn(`[simulator] ignoring ${id}: ${reason}`);
      now.set(id, reason);
    }
    this.rejected.clear();
    for (const [id, reason] of now) this.rejected.set(id, reason);
    if (JSON.stringify(config) !== JSON.stringify(this.current)) this.changedAt = Date.now();
    this.current = config;
    this.onChange(config);
  }
}
