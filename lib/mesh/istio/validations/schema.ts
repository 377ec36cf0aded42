// Shape checks of the fields the rules read: a field of the wrong type becomes one `schema.invalid` error at that
// field, so a rule never has to report (or crash on) a malformed spec. Pure.
//
// Only the fields some rule reads are checked; everything else passes through (Istio's own webhook validates the
// rest). Required-ness follows Istio's API reference: a route destination needs `host`, a DestinationRule needs
// `host`, a subset needs `name`.

import { z } from 'zod';
import type { Finding, IstioKind, IstioResource } from '../types';
import { finding } from '../read';

const strings = z.array(z.string());
const labels = z.record(z.string(), z.string());
const port = z.object({ number: z.number().int().min(1).max(65535).optional() }).loose();
const destination = z.object({ host: z.string(), subset: z.string().optional(), port: port.optional() }).loose();
const weighted = z.object({ destination, weight: z.number().int().min(0).optional() }).loose();
const matches = z.array(z.object({ gateways: strings.optional() }).loose());
const l4Route = z.object({ match: matches.optional(), route: z.array(weighted).optional() }).loose();
const httpRoute = l4Route.extend({ mirror: destination.optional(), mirrors: z.array(z.object({ destination }).loose()).optional() });
const tls = z.object({ mode: z.string().optional() }).loose();
const trafficPolicy = z
  .object({ tls: tls.optional(), portLevelSettings: z.array(z.object({ port: port.optional(), tls: tls.optional() }).loose()).optional() })
  .loose();
const selector = z.object({ matchLabels: labels.optional() }).loose();
const mtls = z.object({ mode: z.enum(['UNSET', 'DISABLE', 'PERMISSIVE', 'STRICT']).optional() }).loose();
const source = z.object({ namespaces: strings.optional(), notNamespaces: strings.optional() }).loose();

const SPECS: Record<IstioKind, z.ZodType> = {
  VirtualService: z
    .object({
      hosts: strings.optional(),
      gateways: strings.optional(),
      exportTo: strings.optional(),
      http: z.array(httpRoute).optional(),
      tcp: z.array(l4Route).optional(),
      tls: z.array(l4Route).optional(),
    })
    .loose(),
  DestinationRule: z
    .object({
      host: z.string(),
      trafficPolicy: trafficPolicy.optional(),
      subsets: z.array(z.object({ name: z.string(), labels: labels.optional(), trafficPolicy: trafficPolicy.optional() }).loose()).optional(),
    })
    .loose(),
  Gateway: z.object({ selector: labels.optional() }).loose(),
  ServiceEntry: z.object({ hosts: strings.optional() }).loose(),
  Sidecar: z.object({ workloadSelector: z.object({ labels: labels.optional() }).loose().optional() }).loose(),
  PeerAuthentication: z.object({ selector: selector.optional(), mtls: mtls.optional(), portLevelMtls: z.record(z.string(), mtls).optional() }).loose(),
  AuthorizationPolicy: z
    .object({
      selector: selector.optional(),
      rules: z.array(z.object({ from: z.array(z.object({ source: source.optional() }).loose()).optional() }).loose()).optional(),
    })
    .loose(),
  RequestAuthentication: z.object({ selector: selector.optional() }).loose(),
};

/** A zod issue path as our findings write paths: `spec.http[0].route[1].destination.subset`. */
export function pathOf(segments: readonly PropertyKey[]): string {
  return segments.reduce<string>((out, s) => (typeof s === 'number' ? `${out}[${s}]` : `${out}.${String(s)}`), 'spec');
}

/** One `schema.invalid` error per malformed field the rules read. */
export function schemaFindings(o: IstioResource): Finding[] {
  const parsed = SPECS[o.kind].safeParse(o.spec);
  if (parsed.success) return [];
  return parsed.error.issues.map((i) => {
    const path = pathOf(i.path);
    return finding('schema.invalid', 'error', `${path}: ${i.message}`, path);
  });
}
