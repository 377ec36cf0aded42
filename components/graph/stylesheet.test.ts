import { describe, expect, it } from 'vitest';
import { buildStylesheet, DENSE_EDGES_ABOVE, FALLBACK_COLORS, readGraphColors } from './stylesheet';

describe('readGraphColors', () => {
  it.each<[string, Record<string, string>, Partial<typeof FALLBACK_COLORS>]>([
    ['all blank → fallbacks', {}, {}],
    ['reads and trims', { '--color-healthy': ' #00ff00 ', '--color-failure': 'red' }, { healthy: '#00ff00', failure: 'red' }],
    ['whitespace only → fallback', { '--color-idle': '   ' }, {}],
  ])('%s', (_name, vars, expected) => {
    expect(readGraphColors((name) => vars[name] ?? '')).toEqual({ ...FALLBACK_COLORS, ...expected });
  });
});

describe('buildStylesheet', () => {
  const colors = { healthy: 'H', degraded: 'D', failure: 'F', idle: 'I' };
  const sheet = buildStylesheet(colors, { dark: false });
  const styleOf = (selector: string) => {
    const block = sheet.find((b) => b.selector === selector);
    return block && 'style' in block ? (block.style as Record<string, unknown>) : undefined;
  };

  it.each<[string, string, unknown]>([
    ['node.health-healthy', 'background-color', 'H'],
    ['node.health-degraded', 'background-color', 'D'],
    ['node.health-failure', 'background-color', 'F'],
    ['node.health-na', 'background-color', 'I'],
    ['edge.health-failure', 'line-color', 'F'],
    ['edge.health-degraded', 'target-arrow-color', 'D'],
    ['node.type-app', 'shape', 'round-rectangle'],
    ['node.type-workload', 'shape', 'ellipse'],
    ['node.type-service', 'shape', 'round-triangle'],
    ['node.type-unknown', 'shape', 'diamond'],
    ['node.outside-mesh', 'border-style', 'dashed'],
    ['node.root', 'border-style', 'double'],
    ['edge.flow', 'line-style', 'dashed'],
  ])('%s sets %s', (selector, property, value) => {
    expect(styleOf(selector)?.[property]).toBe(value);
  });

  it('draws text light on dark', () => {
    const dark = buildStylesheet(colors, { dark: true }).find((b) => b.selector === 'node');
    expect(dark && 'style' in dark ? (dark.style as Record<string, unknown>).color : undefined).toBe('#e2e8f0');
  });

  it.each<[string, number, { curve: string; label: string; highlighted: unknown }]>([
    ['a graph at the threshold keeps curves and labels', DENSE_EDGES_ABOVE, { curve: 'bezier', label: 'data(label)', highlighted: undefined }],
    ['a dense graph draws plain lines, with direction and label only where highlighted', DENSE_EDGES_ABOVE + 1, {
      curve: 'haystack', label: '', highlighted: { label: 'data(label)', 'curve-style': 'straight' },
    }],
  ])('%s', (_name, edgeCount, expected) => {
    const blocks = buildStylesheet(colors, { dark: false, edgeCount });
    const style = (selector: string) => {
      const block = blocks.find((b) => b.selector === selector);
      return block && 'style' in block ? (block.style as Record<string, unknown>) : undefined;
    };
    expect({
      curve: style('edge')?.['curve-style'],
      label: style('edge')?.label,
      highlighted: style('edge.find-match, edge.chosen'),
    }).toEqual(expected);
  });
});
