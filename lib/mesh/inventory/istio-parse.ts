// Reads Istio custom-object lists (the API answers them untyped) into the inventory's IstioObject. Pure.

import { z } from 'zod';
import type { IstioObject } from './objects';
import type { IstioRef } from './types';

/** Where each Istio kind the inventory reads is served: API group, version and resource plural. */
export const ISTIO_RESOURCES: Record<IstioRef['kind'], { group: string; version: string; plural: string }> = {
  VirtualService: { group: 'networking.istio.io', version: 'v1', plural: 'virtualservices' },
  DestinationRule: { group: 'networking.istio.io', version: 'v1', plural: 'destinationrules' },
  Gateway: { group: 'networking.istio.io', version: 'v1', plural: 'gateways' },
  ServiceEntry: { group: 'networking.istio.io', version: 'v1', plural: 'serviceentries' },
  Sidecar: { group: 'networking.istio.io', version: 'v1', plural: 'sidecars' },
  PeerAuthentication: { group: 'security.istio.io', version: 'v1', plural: 'peerauthentications' },
  AuthorizationPolicy: { group: 'security.istio.io', version: 'v1', plural: 'authorizationpolicies' },
  RequestAuthentication: { group: 'security.istio.io', version: 'v1', plural: 'requestauthentications' },
};

const labels = z.record(z.string(), z.string());
const destination = z.object({ destination: z.object({ host: z.string() }).optional() });
const routes = z.array(
  z.object({
    route: z.array(destination).optional(),
    mirror: z.object({ host: z.string() }).optional(),
    mirrors: z.array(destination).optional(),
  }),
);

const virtualService = z.object({ hosts: z.array(z.string()).optional(), http: routes.optional(), tcp: routes.optional(), tls: routes.optional() });
const destinationRule = z.object({ host: z.string().optional() });
const serviceEntry = z.object({ hosts: z.array(z.string()).optional(), workloadSelector: z.object({ labels: labels.optional() }).optional() });
const gateway = z.object({ selector: labels.optional() });
const sidecar = z.object({ workloadSelector: z.object({ labels: labels.optional() }).optional() });
const policy = z.object({
  selector: z.object({ matchLabels: labels.optional() }).optional(),
  targetRef: z.object({}).loose().optional(),
  targetRefs: z.array(z.object({}).loose()).optional(),
});

const envelope = z.object({
  items: z.array(z.object({ metadata: z.object({ name: z.string(), namespace: z.string().optional() }), spec: z.unknown().optional() })),
});

type Parsed = Pick<IstioObject, 'hosts' | 'selector' | 'targetRefs'>;

function vsHosts(spec: z.infer<typeof virtualService>): string[] {
  const out = [...(spec.hosts ?? [])];
  for (const r of [...(spec.http ?? []), ...(spec.tcp ?? []), ...(spec.tls ?? [])]) {
    for (const d of [...(r.route ?? []), ...(r.mirrors ?? [])]) if (d.destination) out.push(d.destination.host);
    if (r.mirror) out.push(r.mirror.host);
  }
  return [...new Set(out)];
}

// An empty label map selects nothing in Istio's eyes the same way an absent one does, so both become undefined.
const selectorOf = (l: Record<string, string> | undefined) => (l && Object.keys(l).length > 0 ? l : undefined);

function specOf(kind: IstioRef['kind'], spec: unknown): Parsed | undefined {
  const raw = spec ?? {};
  switch (kind) {
    case 'VirtualService': {
      const s = virtualService.safeParse(raw);
      return s.success ? { hosts: vsHosts(s.data), targetRefs: false } : undefined;
    }
    case 'DestinationRule': {
      const s = destinationRule.safeParse(raw);
      return s.success ? { hosts: s.data.host ? [s.data.host] : [], targetRefs: false } : undefined;
    }
    case 'ServiceEntry': {
      const s = serviceEntry.safeParse(raw);
      const selector = selectorOf(s.data?.workloadSelector?.labels);
      return s.success ? { hosts: s.data.hosts ?? [], targetRefs: false, ...(selector ? { selector } : {}) } : undefined;
    }
    case 'Gateway': {
      const s = gateway.safeParse(raw);
      const selector = selectorOf(s.data?.selector);
      return s.success ? { hosts: [], targetRefs: false, ...(selector ? { selector } : {}) } : undefined;
    }
    case 'Sidecar': {
      const s = sidecar.safeParse(raw);
      const selector = selectorOf(s.data?.workloadSelector?.labels);
      return s.success ? { hosts: [], targetRefs: false, ...(selector ? { selector } : {}) } : undefined;
    }
    case 'PeerAuthentication':
    case 'AuthorizationPolicy':
    case 'RequestAuthentication': {
      const s = policy.safeParse(raw);
      if (!s.success) return undefined;
      const selector = selectorOf(s.data.selector?.matchLabels);
      return { hosts: [], targetRefs: s.data.targetRef !== undefined || (s.data.targetRefs ?? []).length > 0, ...(selector ? { selector } : {}) };
    }
  }
}

/**
 * The objects of one custom-object list answer; undefined when the answer is not a list at all. An object whose
 * spec does not have the expected shape is left out: guessing (say, reading a broken selector as "no selector",
 * which means namespace-wide) would attach it to workloads it does not apply to.
 */
export function parseIstioList(kind: IstioRef['kind'], raw: unknown, namespace?: string): IstioObject[] | undefined {
  const list = envelope.safeParse(raw);
  if (!list.success) return undefined;
  const out: IstioObject[] = [];
  for (const item of list.data.items) {
    const parsed = specOf(kind, item.spec);
    if (parsed) out.push({ kind, name: item.metadata.name, namespace: item.metadata.namespace ?? namespace ?? '', ...parsed });
  }
  return out;
}
