// Where the Istio config pages link to. Pure.

import type { IstioRef } from '@/lib/mesh/inventory/types';

/** The detail page of one Istio object: `/config/{namespace}/{Kind}/{name}`, each segment encoded. */
export function configObjectHref(ref: IstioRef): string {
  return `/config/${[ref.namespace, ref.kind, ref.name].map(encodeURIComponent).join('/')}`;
}

/** "VirtualService bookinfo/reviews": an object named in full. */
export function configRefText(ref: IstioRef): string {
  return `${ref.kind} ${ref.namespace}/${ref.name}`;
}
