// The layout worker: runs dagre or fcose on a headless cytoscape, off the page's main thread, and posts the
// positions back. Started by layout-client.ts; the work itself is in layout-job.ts.

import cytoscape from 'cytoscape';
import dagre from 'cytoscape-dagre';
import fcose from 'cytoscape-fcose';
import { computeLayout, type LayoutReply, type LayoutRequest } from './layout-job';

cytoscape.use(dagre);
cytoscape.use(fcose);

// The project compiles against the DOM library, not the worker one; this is the part of a worker's global
// scope used here.
const scope = globalThis as unknown as {
  addEventListener(type: 'message', listener: (event: MessageEvent<LayoutRequest>) => void): void;
  postMessage(reply: LayoutReply): void;
};

scope.addEventListener('message', (event) => scope.postMessage(computeLayout(event.data)));
