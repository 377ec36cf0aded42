import { describe, expect, it } from 'vitest';
import { graphApiPath, graphKeys, type GraphParams } from '@/lib/api/graph';
import { toGraphParams } from './graph-params';
import { DEFAULT_GRAPH_URL_STATE, type EdgeLabel } from './url-state';

describe('toGraphParams', () => {
  it.each<[EdgeLabel, string[]]>([
    ['none', []],
    ['rps', []],
    ['errorRate', []],
    ['share', []],
    ['p50', ['latency']],
    ['p95', ['latency']],
    ['p99', ['latency']],
  ])('edge label %s asks for %j', (edgeLabel, edgeLabels) => {
    expect(toGraphParams({ ...DEFAULT_GRAPH_URL_STATE, edgeLabel }, ['bookinfo']).edgeLabels).toEqual(edgeLabels);
  });

  it('carries the view', () => {
    const state = { ...DEFAULT_GRAPH_URL_STATE, graphType: 'workload' as const, duration: 600, idleEdges: true, serviceNodes: false };
    expect(toGraphParams(state, ['a', 'b'])).toEqual({
      namespaces: ['a', 'b'],
      graphType: 'workload',
      duration: 600,
      idleEdges: true,
      serviceNodes: false,
      edgeLabels: [],
    });
  });
});

const base: GraphParams = {
  namespaces: ['bookinfo'],
  graphType: 'versionedApp',
  duration: 300,
  idleEdges: false,
  serviceNodes: false,
  edgeLabels: [],
};

describe('graphApiPath', () => {
  it.each<[Partial<GraphParams>, string]>([
    [{}, '/api/graph?namespaces=bookinfo&graphType=versionedApp&duration=300'],
    [{ namespaces: ['travel', 'bookinfo'] }, '/api/graph?namespaces=bookinfo%2Ctravel&graphType=versionedApp&duration=300'],
    [{ idleEdges: true, serviceNodes: true }, '/api/graph?namespaces=bookinfo&graphType=versionedApp&duration=300&idleEdges=true&serviceNodes=true'],
    [{ edgeLabels: ['throughput', 'latency'], graphType: 'app', duration: 60 }, '/api/graph?namespaces=bookinfo&graphType=app&duration=60&edgeLabels=latency%2Cthroughput'],
  ])('%j', (change, path) => {
    expect(graphApiPath({ ...base, ...change })).toBe(path);
  });
});

describe('graphKeys', () => {
  it('is the same key whatever the order of namespaces and edge labels', () => {
    expect(graphKeys.graph({ ...base, namespaces: ['b', 'a'], edgeLabels: ['throughput', 'latency'] })).toEqual(
      graphKeys.graph({ ...base, namespaces: ['a', 'b'], edgeLabels: ['latency', 'throughput'] }),
    );
  });

  it.each<Partial<GraphParams>>([
    { namespaces: ['travel'] },
    { graphType: 'service' },
    { duration: 600 },
    { idleEdges: true },
    { serviceNodes: true },
    { edgeLabels: ['latency'] },
  ])('changes with %j', (change) => {
    expect(graphKeys.graph({ ...base, ...change })).not.toEqual(graphKeys.graph(base));
  });
});
