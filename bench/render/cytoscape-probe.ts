// Bench only. The harness bundle resolves every `import 'cytoscape'` to this module, so the harness hears of each
// instance as it is created, including the one react-cytoscapejs creates inside our component, without a hook in
// the component or a look into cytoscape's internals. Both modes go through it, so it costs them the same.

import cytoscape, { type Core, type CytoscapeOptions } from 'cytoscape';

let listener: ((cy: Core) => void) | null = null;

/** Calls `fn` with every cytoscape instance created from now on (null stops). */
export function onCytoscapeCreated(fn: ((cy: Core) => void) | null): void {
  listener = fn;
}

// A plain function, not an arrow: react-cytoscapejs calls `new cytoscape(...)`, and a constructor that returns an
// object yields that object.
function probe(options?: CytoscapeOptions): Core {
  const cy = cytoscape(options);
  listener?.(cy);
  return cy;
}

// `use`, `version` and friends come along, so extensions (dagre, fcose) register on the real cytoscape.
export default Object.assign(probe, cytoscape) as typeof cytoscape;
