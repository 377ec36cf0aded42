import 'server-only';
import { UpstreamError } from './errors';
import { requireNamespaces, readClusterObjects } from './istio-service';
import type { ScopeInput } from './mesh/istio/scope';
import { buildScope } from './mesh/istio/scope';
import type { MtlsParams } from './mesh/istio/params';
import { inboundTrafficQuery, indexTraffic } from './mesh/inventory/traffic';
import { buildWorkloads } from './mesh/inventory/workloads';
import { controlPlaneFrom, istiodFrom, isIstiod, pilotPushesQuery } from './mesh/mtls/control-plane';
import { buildMtlsReport, observedFromTraffic } from './mesh/mtls/report';
import type { ControlPlane, MtlsReport, ObservedMtls } from './mesh/mtls/types';
import { render } from './promql';
import { instantQuery } from './prometheus/client';

/** The istiod deployments, found among the namespaces whose controllers carry istiod's labels. */
function istiodWorkloads(input: ScopeInput): ControlPlane['istiod'] {
  const homes = new Set(input.controllers.filter((c) => isIstiod(c.templateLabels)).map((c) => c.meta.namespace));
  const candidates = input.namespaces
    .filter((ns) => homes.has(ns.name))
    .flatMap((ns) => {
      const mine = <T extends { meta: { namespace: string } }>(xs: readonly T[]) => xs.filter((x) => x.meta.namespace === ns.name);
      return buildWorkloads({ namespace: ns.name, labels: ns.labels, controllers: mine(input.controllers), pods: mine(input.pods) });
    });
  return istiodFrom(candidates);
}

/** Inbound traffic per workload of the namespaces, or the reason Prometheus could not tell. */
async function observedTraffic(namespaces: readonly string[], duration: number): Promise<{ observed: Map<string, ObservedMtls>; error?: string }> {
  try {
    const index = indexTraffic(await instantQuery(render(inboundTrafficQuery(namespaces, duration))));
    return { observed: new Map([...index.workloads].map(([key, t]) => [key, observedFromTraffic(t)])) };
  } catch (err) {
    if (!(err instanceof UpstreamError)) throw err;
    return { observed: new Map(), error: err.message };
  }
}

// Pilot's metrics are optional (many setups do not scrape istiod); without them, pushing is "unknown".
async function pushRate(duration: number): Promise<number | undefined> {
  try {
    const [sample] = await instantQuery(render(pilotPushesQuery(duration)));
    return sample?.value;
  } catch (err) {
    if (err instanceof UpstreamError) return undefined;
    throw err;
  }
}

/**
 * Configured mTLS status mesh-wide, per namespace and per workload with the reasons, next to the observed share
 * of mutual-TLS requests. Kubernetes failing is a 502/504; Prometheus failing leaves the configured side standing
 * and says why nothing was observed.
 */
export async function fetchMtlsReport(p: MtlsParams): Promise<MtlsReport> {
  const input = await readClusterObjects();
  const scope = buildScope(input);
  requireNamespaces(scope, p.namespaces);
  const namespaces = p.namespaces.length > 0 ? p.namespaces : [...scope.namespaces];
  const [traffic, rate] = await Promise.all([observedTraffic(namespaces, p.duration), pushRate(p.duration)]);
  const report = buildMtlsReport({ scope, namespaces, observed: traffic.observed, duration: p.duration, controlPlane: controlPlaneFrom(istiodWorkloads(input), rate) });
  return traffic.error ? { ...report, observedError: traffic.error } : report;
}
