import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { NodeDetails } from './node-details';
import { testGraph } from './test-graph';

const html = (id: string) => {
  const graph = testGraph();
  const node = graph.nodes.find((n) => n.id === id);
  if (!node) throw new Error(`no node ${id}`);
  return renderToStaticMarkup(<NodeDetails graph={graph} node={node} onSelectNode={() => undefined} />);
};

describe('NodeDetails', () => {
  it("links a service node to its page's traffic-management tab", () => {
    const out = html('rev-svc');
    expect(out).toMatch(/href="\/namespaces\/[^/]+\/services\/reviews\?tab=manage&amp;section=shifting"[^>]*>Manage traffic</);
    expect(out).toContain('>Open details<');
  });

  it('offers no traffic management for other nodes', () => {
    expect(html('pp')).not.toContain('Manage traffic');
  });
});
