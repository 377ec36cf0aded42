// Which workloads are istiod, their version, and whether istiod is pushing configuration to the proxies. Pure.
//
// Facts: Istio's charts label istiod's pods `app: istiod` and `istio: pilot` (older installs only the latter) and
// `istio.io/rev` with the revision (`default` unless canary-installed); the image is `…/pilot:<version>`. Pilot
// counts every xDS push it sends in the counter `pilot_xds_pushes` (one series per xDS type).

import { rate, render, seconds, selector, sum, type Expr } from '../../promql';
import type { Replicas } from '../inventory/objects';
import type { ControlPlane } from './types';

/** A workload as the control-plane check needs it; `images` when the caller knows its containers' images. */
export interface ControlPlaneCandidate {
  namespace: string;
  name: string;
  labels: Record<string, string>;
  replicas: Pick<Replicas, 'ready' | 'desired'>;
  images?: readonly string[];
}

/** Whether a workload's labels are istiod's. */
export function isIstiod(labels: Record<string, string>): boolean {
  return labels.app === 'istiod' || labels.istio === 'pilot';
}

/** The tag of an image reference (`docker.io/istio/pilot:1.28.0@sha256:…` → `1.28.0`), if it has one. */
export function imageTag(image: string): string | undefined {
  const name = image.split('@')[0] ?? image;
  const lastPart = name.slice(name.lastIndexOf('/') + 1);
  const colon = lastPart.lastIndexOf(':');
  return colon > 0 && colon < lastPart.length - 1 ? lastPart.slice(colon + 1) : undefined;
}

// A revision is a name, not a version, but a canary revision is usually named after one (`1-28-0`); `default` says
// nothing. The image tag is the most exact, so it goes first.
/** istiod's version: its pilot image's tag, else a version label, else its revision when that is not `default`. */
export function istiodVersion(c: Pick<ControlPlaneCandidate, 'labels' | 'images'>): string | undefined {
  const pilot = c.images?.find((i) => /(^|\/)pilot:/.test(i));
  const tag = pilot === undefined ? undefined : imageTag(pilot);
  if (tag) return tag;
  const rev = c.labels['istio.io/rev'];
  return c.labels['app.kubernetes.io/version'] ?? c.labels.version ?? (rev && rev !== 'default' ? rev : undefined);
}

/** The istiod deployments among some workloads, by namespace and name. */
export function istiodFrom(workloads: readonly ControlPlaneCandidate[]): ControlPlane['istiod'] {
  return workloads
    .filter((w) => isIstiod(w.labels))
    .sort((a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name))
    .map((w) => {
      const version = istiodVersion(w);
      return { namespace: w.namespace, name: w.name, ...(version ? { version } : {}), ready: w.replicas.ready, desired: w.replicas.desired };
    });
}

/** Config pushes per second from all istiods over the window: `sum(rate(pilot_xds_pushes[5m]))`. */
export function pilotPushesQuery(durationSeconds: number): Expr {
  return sum(rate(selector('pilot_xds_pushes', [], seconds(durationSeconds))));
}

/** The query above as text, for the route's debug output and the tests. */
export const renderPilotPushesQuery = (durationSeconds: number): string => render(pilotPushesQuery(durationSeconds));

/** The control plane's state from the istiods found and pilot's push rate (undefined when Prometheus had none). */
export function controlPlaneFrom(istiod: ControlPlane['istiod'], pushRate: number | undefined): ControlPlane {
  const notes: string[] = [];
  if (istiod.length === 0) notes.push('no istiod workload found (labels app=istiod or istio=pilot)');
  else if (istiod.every((i) => i.ready <= 0)) notes.push('istiod has no ready replicas');
  const known = pushRate !== undefined && Number.isFinite(pushRate) && pushRate >= 0;
  if (!known) notes.push('Prometheus has no pilot_xds_pushes samples for the window');
  // Pushes happen on change; a quiet mesh pushes nothing, so `no` is a fact to show, not an error.
  else if (pushRate === 0) notes.push('no configuration pushed over the window; normal when nothing changed');
  const pushing = !known ? 'unknown' : pushRate > 0 ? 'yes' : 'no';
  return { istiod, pushing, ...(known ? { pushRate } : {}), ...(notes.length > 0 ? { note: notes.join('; ') } : {}) };
}
