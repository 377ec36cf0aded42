import { describe, expect, it } from 'vitest';
import type { IstioResource } from '../istio/types';
import { meshPolicy, namespaceMode, peerModeFor, portModes } from './peer-mode';
import { mode, pa, sampleScope, scopeOf } from './testing';

const reviews = { app: 'reviews', version: 'v1' };
const sel = (app: string, more: Record<string, unknown> = {}) => ({ selector: { matchLabels: { app } }, ...more });

describe('peerModeFor', () => {
  const cases: { name: string; objects: IstioResource[]; ns?: string; port?: number; want: [string, string, string?] }[] = [
    { name: 'nothing set: PERMISSIVE by default', objects: [], want: ['PERMISSIVE', 'default'] },
    { name: 'mesh-wide STRICT', objects: [pa('istio-system', 'default', mode('STRICT'))], want: ['STRICT', 'mesh', 'default'] },
    { name: 'namespace beats mesh', objects: [pa('istio-system', 'default', mode('STRICT')), pa('bookinfo', 'ns', mode('PERMISSIVE'))], want: ['PERMISSIVE', 'namespace', 'ns'] },
    { name: 'workload beats namespace', objects: [pa('bookinfo', 'ns', mode('STRICT')), pa('bookinfo', 'wl', mode('DISABLE', sel('reviews')))], want: ['DISABLE', 'workload', 'wl'] },
    { name: 'port beats workload', objects: [pa('bookinfo', 'wl', mode('STRICT', sel('reviews', { portLevelMtls: { 9080: { mode: 'DISABLE' } } })))], port: 9080, want: ['DISABLE', 'port', 'wl'] },
    { name: 'another port keeps the workload mode', objects: [pa('bookinfo', 'wl', mode('STRICT', sel('reviews', { portLevelMtls: { 9080: { mode: 'DISABLE' } } })))], port: 8080, want: ['STRICT', 'workload', 'wl'] },
    { name: 'UNSET port inherits the workload', objects: [pa('bookinfo', 'wl', mode('STRICT', sel('reviews', { portLevelMtls: { 9080: { mode: 'UNSET' } } })))], port: 9080, want: ['STRICT', 'workload', 'wl'] },
    { name: 'oldest wins at the namespace level, not the name', objects: [pa('bookinfo', 'zzz', mode('DISABLE'), 1), pa('bookinfo', 'aaa', mode('STRICT'), 5)], want: ['DISABLE', 'namespace', 'zzz'] },
    { name: 'oldest wins at the workload level', objects: [pa('bookinfo', 'b', mode('STRICT', sel('reviews')), 9), pa('bookinfo', 'a', mode('PERMISSIVE', sel('reviews')), 2)], want: ['PERMISSIVE', 'workload', 'a'] },
    { name: 'oldest wins at the mesh level', objects: [pa('istio-system', 'new', mode('DISABLE'), 3), pa('istio-system', 'old', mode('STRICT'), 1)], want: ['STRICT', 'mesh', 'old'] },
    { name: 'UNSET namespace policy inherits the mesh', objects: [pa('istio-system', 'default', mode('STRICT')), pa('bookinfo', 'ns', mode('UNSET'))], want: ['STRICT', 'mesh', 'default'] },
    { name: 'a namespace policy without mtls inherits', objects: [pa('istio-system', 'default', mode('DISABLE')), pa('bookinfo', 'ns', {})], want: ['DISABLE', 'mesh', 'default'] },
    { name: 'UNSET workload policy inherits the namespace', objects: [pa('bookinfo', 'ns', mode('STRICT')), pa('bookinfo', 'wl', mode('UNSET', sel('reviews')))], want: ['STRICT', 'namespace', 'ns'] },
    { name: 'an unknown mode counts as UNSET', objects: [pa('bookinfo', 'ns', mode('STRICT')), pa('bookinfo', 'wl', mode('strict', sel('reviews')))], want: ['STRICT', 'namespace', 'ns'] },
    { name: 'a root-namespace selector policy is not mesh-wide', objects: [pa('istio-system', 'sel', mode('STRICT', sel('reviews')))], want: ['PERMISSIVE', 'default'] },
    { name: 'a root-namespace selector policy does not hide the mesh policy', objects: [pa('istio-system', 'sel', mode('DISABLE', sel('reviews')), 0), pa('istio-system', 'default', mode('STRICT'), 5)], want: ['STRICT', 'mesh', 'default'] },
    { name: 'a root-namespace selector policy is ignored in the root namespace too', ns: 'istio-system', objects: [pa('istio-system', 'sel', mode('DISABLE', sel('reviews'))), pa('istio-system', 'default', mode('STRICT'))], want: ['STRICT', 'mesh', 'default'] },
    { name: 'an empty selector is namespace-wide', objects: [pa('bookinfo', 'ns', mode('DISABLE', { selector: { matchLabels: {} } }))], want: ['DISABLE', 'namespace', 'ns'] },
    { name: 'a selector not matching is ignored', objects: [pa('bookinfo', 'wl', mode('DISABLE', sel('ratings')))], want: ['PERMISSIVE', 'default'] },
    { name: "another namespace's policies are ignored", objects: [pa('other', 'ns', mode('STRICT')), pa('other', 'wl', mode('STRICT', sel('reviews')))], want: ['PERMISSIVE', 'default'] },
  ];
  it.each(cases)('$name', ({ objects, ns = 'bookinfo', port, want: [wantMode, level, by] }) => {
    const d = peerModeFor(scopeOf(objects), ns, reviews, port);
    expect([d.mode, d.level, d.decidedBy?.name]).toEqual([wantMode, level, by]);
    if (by) expect(d.decidedBy?.kind).toBe('PeerAuthentication');
  });

  it('reads policy timestamps as times, not text', () => {
    const later = { ...pa('bookinfo', 'a', mode('STRICT')), metadata: { namespace: 'bookinfo', name: 'a', creationTimestamp: '2024-01-01T00:00:05.5Z' } };
    const earlier = { ...pa('bookinfo', 'b', mode('DISABLE')), metadata: { namespace: 'bookinfo', name: 'b', creationTimestamp: '2024-01-01T00:00:05Z' } };
    expect(peerModeFor(scopeOf([later, earlier]), 'bookinfo', reviews).decidedBy?.name).toBe('b');
  });
});

describe('on Istio reference examples', () => {
  const docs = sampleScope(['istio-api-doc-examples/peer_authentication.examples.yaml']).objects;
  const finance = { app: 'finance' };
  const cases: { name: string; pick: number[]; port?: number; labels?: Record<string, string>; want: [string, string] }[] = [
    { name: 'example 1: namespace STRICT', pick: [0], want: ['STRICT', 'namespace'] },
    { name: 'example 2: namespace PERMISSIVE, finance STRICT', pick: [1, 2], want: ['STRICT', 'workload'] },
    { name: 'example 2: others stay PERMISSIVE', pick: [1, 2], labels: { app: 'other' }, want: ['PERMISSIVE', 'namespace'] },
    { name: 'example 3: finance port 8080 DISABLE', pick: [3], port: 8080, want: ['DISABLE', 'port'] },
    { name: 'example 3: finance elsewhere STRICT', pick: [3], port: 9090, want: ['STRICT', 'workload'] },
    { name: 'example 4: UNSET inherits the default', pick: [4], want: ['PERMISSIVE', 'default'] },
    { name: 'example 4: port 8080 DISABLE', pick: [4], port: 8080, want: ['DISABLE', 'port'] },
  ];
  it.each(cases)('$name', ({ pick, port, labels = finance, want }) => {
    const d = peerModeFor(scopeOf(pick.map((i) => docs[i]!)), 'foo', labels, port);
    expect([d.mode, d.level]).toEqual(want);
  });

  it('reads portLevelMtls keys written as numbers', () => {
    expect([...portModes(scopeOf([docs[3]!]), 'foo', finance)]).toEqual([['8080', 'DISABLE']]);
  });
});

describe('on Kiali validation data', () => {
  it('a mesh-wide DISABLE with a root-namespace grafana port policy: the latter is ignored', () => {
    const scope = sampleScope(['kiali-validation-testdata/validations/peerauthentications/disabled_meshwide_checker_1.yaml']);
    expect(meshPolicy(scope)?.metadata.name).toBe('disable-mesh-mtls');
    const grafana = peerModeFor(scope, 'istio-system', { app: 'grafana' }, 3000);
    expect([grafana.mode, grafana.level]).toEqual(['DISABLE', 'mesh']);
    expect(portModes(scope, 'istio-system', { app: 'grafana' }).size).toBe(0);
  });

  it('a namespace DISABLE under a mesh STRICT', () => {
    const scope = sampleScope(['kiali-validation-testdata/validations/peerauthentications/disabled_namespacewide_checker_6.yaml']);
    expect(namespaceMode(scope, 'bookinfo')).toMatchObject({ mode: 'DISABLE', level: 'namespace', decidedBy: { name: 'disable-mtls-bookinfo' } });
    expect(namespaceMode(scope, 'default')).toMatchObject({ mode: 'STRICT', level: 'mesh', decidedBy: { name: 'mtls-mesh' } });
  });
});
