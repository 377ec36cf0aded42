import { describe, expect, it } from 'vitest';
import {
  DEFAULT_GRAPH_URL_STATE,
  durationLabel,
  longerDuration,
  effectiveNamespaces,
  parseGraphUrlState,
  parseNamespaceList,
  parseTableSorts,
  serializeGraphUrlState,
  serializeTableSorts,
  type GraphUrlState,
} from './url-state';

const parse = (query: string) => parseGraphUrlState(new URLSearchParams(query));

describe('parseGraphUrlState', () => {
  it('gives the defaults for an empty query', () => {
    expect(parse('')).toEqual(DEFAULT_GRAPH_URL_STATE);
  });

  it.each<[string, Partial<GraphUrlState>]>([
    ['namespaces=bookinfo,travel', { namespaces: ['bookinfo', 'travel'] }],
    ['namespaces=', { namespaces: [] }],
    ['namespaces=+a+,,b,a', { namespaces: ['a', 'b'] }],
    ['graphType=workload', { graphType: 'workload' }],
    ['graphType=bogus', { graphType: 'versionedApp' }],
    ['duration=3600', { duration: 3600 }],
    ['duration=301', { duration: 300 }],
    ['duration=5m', { duration: 300 }],
    ['duration=-60', { duration: 300 }],
    ['refresh=0', { refresh: 0 }],
    ['refresh=10', { refresh: 10 }],
    ['refresh=15', { refresh: 30 }],
    ['edgeLabel=p95', { edgeLabel: 'p95' }],
    ['edgeLabel=share', { edgeLabel: 'share' }],
    ['edgeLabel=p90', { edgeLabel: 'none' }],
    ['serviceNodes=false&idleEdges=true', { serviceNodes: false, idleEdges: true }],
    ['mtls=0&animate=1', { mtls: false, animate: true }],
    ['animate=yes', { animate: false }],
    ['layout=fcose', { layout: 'fcose' }],
    ['layout=cose', { layout: 'auto' }],
    ['find=version%20%3D%20v2&hide=rps%20%3C%201', { find: 'version = v2', hide: 'rps < 1' }],
    ['node=abc', { node: 'abc', edge: null }],
    ['edge=e1&node=', { node: null, edge: 'e1' }],
    ['sort=nodes:inRps:desc', { sort: { nodes: { key: 'inRps', direction: 'desc' }, edges: null } }],
    ['sort=edges%3Arps%3Aasc', { sort: { nodes: null, edges: { key: 'rps', direction: 'asc' } } }],
    ['sort=bogus', {}],
  ])('%s', (query, expected) => {
    expect(parse(query)).toEqual({ ...DEFAULT_GRAPH_URL_STATE, ...expected });
  });
});

describe('serializeGraphUrlState', () => {
  it.each<[Partial<GraphUrlState>, string]>([
    [{}, 'graphType=versionedApp'],
    [{ namespaces: ['bookinfo'] }, 'namespaces=bookinfo&graphType=versionedApp'],
    [{ namespaces: [] }, 'namespaces=&graphType=versionedApp'],
    [{ namespaces: ['a', 'b'], graphType: 'app' }, 'namespaces=a%2Cb&graphType=app'],
    [{ duration: 3600, refresh: 0 }, 'graphType=versionedApp&duration=3600&refresh=0'],
    [{ edgeLabel: 'p99', layout: 'dagre' }, 'graphType=versionedApp&edgeLabel=p99&layout=dagre'],
    [{ serviceNodes: false, animate: true }, 'graphType=versionedApp&serviceNodes=false&animate=true'],
    [{ find: 'name ~ rev', hide: '' }, 'graphType=versionedApp&find=name+%7E+rev'],
    [{ node: 'n1', edge: 'e1' }, 'graphType=versionedApp&node=n1'],
    [{ edge: 'e1' }, 'graphType=versionedApp&edge=e1'],
    [{ sort: { nodes: null, edges: { key: 'rps', direction: 'desc' } } }, 'graphType=versionedApp&sort=edges%3Arps%3Adesc'],
    [{ sort: { nodes: null, edges: null } }, 'graphType=versionedApp'],
  ])('%j → %s', (change, expected) => {
    expect(serializeGraphUrlState({ ...DEFAULT_GRAPH_URL_STATE, ...change }).toString()).toBe(expected);
  });

  it.each<Partial<GraphUrlState>>([
    { namespaces: ['bookinfo', 'travel'], graphType: 'service', duration: 86400, refresh: 300 },
    { edgeLabel: 'errorRate', serviceNodes: false, idleEdges: true, mtls: false, animate: true, layout: 'fcose' },
    { find: 'a = "b, c" && !outside', hide: 'ns = x', edge: 'x->y' },
    { node: 'pp', sort: { nodes: { key: 'health', direction: 'desc' }, edges: { key: 'edge', direction: 'asc' } } },
  ])('round-trips %j', (change) => {
    const state = { ...DEFAULT_GRAPH_URL_STATE, ...change };
    expect(parseGraphUrlState(serializeGraphUrlState(state))).toEqual(state);
  });
});

describe('parseTableSorts', () => {
  const nodes = (key: string, direction: string) => ({ nodes: { key, direction }, edges: null });
  const edges = (key: string, direction: string) => ({ nodes: null, edges: { key, direction } });
  it.each<[string | null, unknown]>([
    [null, { nodes: null, edges: null }],
    ['', { nodes: null, edges: null }],
    ['nodes:inRps:desc', nodes('inRps', 'desc')],
    ['nodes:name:asc', nodes('name', 'asc')],
    ['edges:mtls:desc', edges('mtls', 'desc')],
    ['nodes:inRps:desc,edges:rps:asc', { nodes: { key: 'inRps', direction: 'desc' }, edges: { key: 'rps', direction: 'asc' } }],
    [' edges:rps:asc , nodes:health:asc ', { nodes: { key: 'health', direction: 'asc' }, edges: { key: 'rps', direction: 'asc' } }],
    // Bad entries are dropped one by one; the good ones stay.
    ['nodes:rps:desc', { nodes: null, edges: null }],
    ['edges:inRps:desc,edges:rps:desc', edges('rps', 'desc')],
    ['nodes:inRps:down', { nodes: null, edges: null }],
    ['nodes:inRps', { nodes: null, edges: null }],
    ['nodes:inRps:desc:extra', { nodes: null, edges: null }],
    ['pods:name:asc,nodes:name:desc', nodes('name', 'desc')],
    ['nodes:NAME:asc', { nodes: null, edges: null }],
    ['nodes:__proto__:asc', { nodes: null, edges: null }],
    // The first entry for a table wins.
    ['edges:rps:desc,edges:protocol:asc', edges('rps', 'desc')],
  ])('%j', (raw, expected) => {
    expect(parseTableSorts(raw)).toEqual(expected);
  });

  it.each([
    [{ nodes: null, edges: null }, ''],
    [{ nodes: { key: 'outRps', direction: 'asc' }, edges: null }, 'nodes:outRps:asc'],
    [{ nodes: { key: 'type', direction: 'desc' }, edges: { key: 'find', direction: 'asc' } }, 'nodes:type:desc,edges:find:asc'],
  ] as const)('serializes %j as %j', (sorts, expected) => {
    expect(serializeTableSorts(sorts)).toBe(expected);
    expect(parseTableSorts(expected)).toEqual(sorts);
  });
});

describe('parseNamespaceList', () => {
  it.each([
    ['', []],
    ['a', ['a']],
    [' a , b ,, a', ['a', 'b']],
  ])('%j → %j', (raw, expected) => {
    expect(parseNamespaceList(raw)).toEqual(expected);
  });
});

describe('effectiveNamespaces', () => {
  const available = [
    { name: 'bookinfo', istioInjection: 'enabled' },
    { name: 'kube-system', istioInjection: 'unset' },
    { name: 'travel', istioInjection: 'enabled' },
    { name: 'legacy', istioInjection: 'disabled' },
  ];
  it.each<[string[] | null, typeof available | undefined, string[] | undefined]>([
    [['legacy'], available, ['legacy']],
    [[], available, []],
    [['x'], undefined, ['x']],
    [null, available, ['bookinfo', 'travel']],
    [null, [], []],
    [null, undefined, undefined],
  ])('chosen %j → %j', (chosen, list, expected) => {
    expect(effectiveNamespaces(chosen, list)).toEqual(expected);
  });
});

describe('durationLabel', () => {
  it.each([
    [60, '1m'],
    [300, '5m'],
    [86400, '1d'],
    [42, '42s'],
  ])('%d → %s', (seconds, label) => {
    expect(durationLabel(seconds)).toBe(label);
  });
});

describe('longerDuration', () => {
  it.each<[number, number | undefined]>([
    [60, 300],
    [300, 600],
    [43200, 86400],
    [86400, undefined],
    [100, 300],
  ])('%d → %s', (seconds, expected) => {
    expect(longerDuration(seconds)?.seconds).toBe(expected);
  });
});
