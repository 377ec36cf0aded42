// The page the rendering benchmark loads in headless Chromium (bundled by bench/graph-render.ts). Each call draws
// the same graph at the same precomputed positions, once per fresh page, and reports when the first frame with
// every node on it was painted. Importing cytoscape-view also registers dagre and fcose, as in the app.

import type { Core, ElementDefinition, NodeSingular } from 'cytoscape';
import cytoscape from 'cytoscape';
import { createRoot } from 'react-dom/client';
import { layoutOptions } from '@/components/graph/cy-sync';
import { CytoscapeView } from '@/components/graph/cytoscape-view';
import { filterGraph, toCyElements, type CyElement, type ElementOptions, type GraphPredicate } from '@/components/graph/elements';
import type { Position } from '@/components/graph/placement';
import { buildStylesheet, FALLBACK_COLORS } from '@/components/graph/stylesheet';
import { DEFAULT_GRAPH_URL_STATE } from '@/components/graph/url-state';
import type { Graph } from '@/lib/mesh/graph/types';
import { onCytoscapeCreated } from './cytoscape-probe';
import type { BenchInput, LayoutAlgorithm, LayoutTiming, RenderMode, RenderTiming } from './protocol';

/** What the graph page passes for a multi-namespace graph with the URL's defaults (graph-page.tsx). */
function elementOptions(graph: Graph): ElementOptions {
  const d = DEFAULT_GRAPH_URL_STATE;
  return { edgeLabel: d.edgeLabel, mtls: d.mtls, showNamespace: graph.namespaces.length > 1, animate: false, selectedId: null };
}

function stage(): HTMLElement {
  const el = document.getElementById('stage');
  if (!el) throw new Error('harness page has no #stage');
  return el;
}

interface Marks {
  created: number;
  firstRender: number;
  firstPixels: number;
  emptyRenders: number;
  laterRenders: number;
}

/** Resolves with the instance the next cytoscape call creates; its `render` events are counted into `marks`. */
function nextInstance(nodes: number, marks: Marks): { cy: Promise<Core>; painted: Promise<number> } {
  let resolvePainted: (t: number) => void = () => {};
  const painted = new Promise<number>((r) => (resolvePainted = r));
  const cy = new Promise<Core>((resolve) => {
    onCytoscapeCreated((instance) => {
      onCytoscapeCreated(null);
      marks.created = performance.now();
      instance.on('render', () => {
        if (marks.firstRender > 0) {
          marks.laterRenders += 1;
          return;
        }
        if (instance.nodes().length < nodes) {
          marks.emptyRenders += 1;
          return;
        }
        marks.firstRender = performance.now();
        // `render` fires inside cytoscape's animation-frame callback, before the browser paints that frame. A
        // message posted now is handled in the task after that frame's rendering step; the second frame callback
        // after it runs once that paint is done and the next frame's callbacks have run too.
        const channel = new MessageChannel();
        channel.port1.onmessage = () => (marks.firstPixels = performance.now());
        channel.port2.postMessage(null);
        requestAnimationFrame(() => requestAnimationFrame(() => resolvePainted(performance.now())));
      });
      resolve(instance);
    });
  });
  return { cy, painted };
}

function positionsKept(cy: Core, positions: Record<string, Position>): boolean {
  return cy.nodes().toArray().every((n: NodeSingular) => {
    const want = positions[n.id()];
    const p = n.position();
    return want !== undefined && Math.abs(p.x - want.x) < 1e-6 && Math.abs(p.y - want.y) < 1e-6;
  });
}

async function render(input: BenchInput, mode: RenderMode): Promise<RenderTiming> {
  const { graph, positions } = input;
  const marks: Marks = { created: 0, firstRender: 0, firstPixels: 0, emptyRenders: 0, laterRenders: 0 };
  const nodeCount = graph.nodes.length;
  let pipelineMs = 0;
  let layoutRuns = 0;
  let cyPromise: Promise<Core>;
  let painted: Promise<number>;
  let t0: number;

  if (mode === 'ours') {
    const initialPositions = new Map(Object.entries(positions));
    ({ cy: cyPromise, painted } = nextInstance(nodeCount, marks));
    t0 = performance.now();
    const elements = toCyElements(filterGraph(graph), elementOptions(graph));
    pipelineMs = performance.now() - t0;
    createRoot(stage()).render(
      <CytoscapeView
        elements={elements}
        layout="auto"
        relayoutToken={0}
        animate={false}
        dark={false}
        onSelect={() => {}}
        onLayoutRun={() => (layoutRuns += 1)}
        initialPositions={initialPositions}
      />,
    );
  } else {
    // The same element list the component gets, with the positions attached, built before the clock starts.
    const elements: ElementDefinition[] = toCyElements(filterGraph(graph), elementOptions(graph)).map((e: CyElement) => {
      const at = e.group === 'nodes' ? positions[e.data.id] : undefined;
      // A copy, so the positionsKept check below compares against values cytoscape could not have moved.
      return { group: e.group, data: { ...e.data }, classes: e.classes, ...(at ? { position: { x: at.x, y: at.y } } : {}) };
    });
    const edgeCount = elements.filter((e) => e.group === 'edges').length;
    // As the component styles a dense graph that fits at a small zoom (it does here: about 0.2).
    const style = mode === 'styled' ? buildStylesheet(FALLBACK_COLORS, { dark: false, edgeCount, zoomedOut: true }) : undefined;
    ({ cy: cyPromise, painted } = nextInstance(nodeCount, marks));
    t0 = performance.now();
    cytoscape({ container: stage(), elements, layout: { name: 'preset' }, ...(style ? { style } : {}) });
  }

  const [cy, end] = await Promise.all([cyPromise, painted]);
  return {
    totalMs: end - t0,
    pipelineMs,
    createdMs: marks.created - t0,
    firstRenderMs: marks.firstRender - t0,
    firstPixelsMs: marks.firstPixels - t0,
    emptyRenders: marks.emptyRenders,
    laterRenders: marks.laterRenders,
    nodes: cy.nodes().length,
    edges: cy.edges().length,
    layoutRuns,
    positionsKept: positionsKept(cy, positions),
  };
}

async function layout(input: BenchInput, nodeIds: string[], algorithm: LayoutAlgorithm): Promise<LayoutTiming> {
  const keep = new Set(nodeIds);
  // The subgraph through the app's own Hide path: everything outside the subset is hidden.
  const hide: GraphPredicate = { node: (n) => !keep.has(n.id), edge: () => false };
  const elements = toCyElements(filterGraph(input.graph, undefined, hide), elementOptions(input.graph));
  // A drawn instance with our stylesheet, as in the app: dagre sizes its ranks by the styled node dimensions.
  const cy = cytoscape({ container: stage(), elements: elements.map((e) => ({ ...e, data: { ...e.data } })), style: buildStylesheet(FALLBACK_COLORS, { dark: false, edgeCount: elements.filter((e) => e.group === 'edges').length }) });
  const run = cy.layout(layoutOptions(algorithm));
  const stopped = new Promise<number>((resolve) => run.one('layoutstop', () => resolve(performance.now())));
  const t0 = performance.now();
  run.run();
  const end = await stopped;
  return { ms: end - t0, nodes: cy.nodes().length, edges: cy.edges().length };
}

async function start(): Promise<void> {
  const input = (await (await fetch('/input.json')).json()) as BenchInput;
  window.meshBench = {
    render: (mode) => render(input, mode),
    layout: (nodeIds, algorithm) => layout(input, nodeIds, algorithm),
  };
}

void start();
