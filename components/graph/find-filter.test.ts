import { describe, expect, it } from 'vitest';
import { filterGraph } from './elements';
import { compileFilter, filterPredicate } from './find-filter';
import { testGraph } from './test-graph';

describe('compileFilter', () => {
  it.each([[''], ['   '], ['\n\t']])('blank %j is no filter', (text) => {
    expect(compileFilter(text)).toEqual({ kind: 'blank' });
    expect(filterPredicate(compileFilter(text), [])).toBeUndefined();
  });

  it.each([['version ='], ['(rps > 1'], ['bogusfield = 1']])('%j is an error with a position', (text) => {
    const result = compileFilter(text);
    expect(result.kind).toBe('error');
    if (result.kind === 'error') {
      expect(result.message).not.toBe('');
      expect(result.position).toBeGreaterThanOrEqual(0);
      expect(result.position).toBeLessThanOrEqual(text.length);
    }
    expect(filterPredicate(result, [])).toBeUndefined();
  });
});

describe('filterPredicate over the test graph', () => {
  it.each<[string, string[], string[]]>([
    ['version = v2', ['rev2'], []],
    ['app = reviews', ['rev1', 'rev2', 'rev3'], []],
    ['errorRate > 10%', [], ['rev-svc->rev3']],
    ['tcp', [], ['rat->db']],
  ])('find %j', (text, nodes, edges) => {
    const g = testGraph();
    const view = filterGraph(g, filterPredicate(compileFilter(text), g.nodes));
    expect([...view.matchedNodes]).toEqual(nodes);
    expect([...view.matchedEdges]).toEqual(edges);
  });

  it('hides what an expression matches', () => {
    const g = testGraph();
    const view = filterGraph(g, undefined, filterPredicate(compileFilter('app = reviews'), g.nodes));
    expect(view.nodes.map((n) => n.id)).not.toContain('rev1');
    expect(view.hiddenNodes).toBe(3);
  });
});
