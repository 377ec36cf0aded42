// Runs full layouts for the canvas: big graphs in a Web Worker, so a multi-second fcose run no longer freezes
// the page; small graphs, and browsers or tests without `Worker`, right here. No React.

import type { Core } from 'cytoscape';
import { applyLayout, runLayout } from './cy-sync';
import { layoutInWorker, layoutRequest, replyPositions, type LayoutReply, type LayoutRequest } from './layout-job';
import { chooseLayout, type Position } from './placement';
import type { LayoutName } from './url-state';

/** The part of a `Worker` the runner uses; tests pass a stand-in. */
export interface LayoutWorker {
  postMessage(request: LayoutRequest): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<LayoutReply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

/**
 * Starts the layout worker. Next bundles it because of this exact form, a `new URL` of a relative path with
 * `import.meta.url` inside `new Worker` (Turbopack and webpack both follow it); keep it literal.
 */
export function createLayoutWorker(): LayoutWorker {
  return new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
}

export interface LayoutRunnerOptions {
  /** Where every layout records each node's position (the canvas' memory of positions). */
  positions: Map<string, Position>;
  /** Undefined where there is no `Worker`: every layout then runs synchronously. */
  createWorker: (() => LayoutWorker) | undefined;
  /** A layout was applied: at once, or when the worker answered. */
  onLayout: () => void;
  /** A worker layout started (true), or ended, failed or was superseded (false). */
  onPending: (pending: boolean) => void;
}

interface Job {
  id: number;
  cy: Core;
  choice: LayoutName;
  worker: LayoutWorker;
}

/** Lays out whole graphs; the newest request always wins over one still running. */
export class LayoutRunner {
  private worker: LayoutWorker | undefined;
  private job: Job | undefined;
  private lastId = 0;
  private workerBroken = false;

  constructor(private readonly options: LayoutRunnerOptions) {}

  /**
   * Lays out everything on `cy`. `fresh` says no node has a position yet: a worker layout then shows a grid
   * meanwhile, rather than every node piled on one spot.
   */
  run(cy: Core, choice: LayoutName, { fresh = false } = {}): void {
    this.cancel();
    const nodeCount = cy.nodes().length;
    const create = this.workerBroken ? undefined : this.options.createWorker;
    if (!create || !layoutInWorker(nodeCount, true)) {
      this.runHere(cy, choice);
      return;
    }
    if (fresh) cy.layout({ name: 'grid', fit: true, padding: 30, animate: false }).run();
    const worker = (this.worker ??= this.spawn(create));
    this.lastId += 1;
    this.job = { id: this.lastId, cy, choice, worker };
    this.options.onPending(true);
    worker.postMessage(layoutRequest(cy, chooseLayout(choice, nodeCount), this.lastId));
  }

  /** Drops a worker layout still running. Its worker is stopped too: fcose cannot be interrupted otherwise. */
  cancel(): void {
    const job = this.job;
    if (!job) return;
    this.job = undefined;
    job.worker.terminate();
    if (this.worker === job.worker) this.worker = undefined;
    this.options.onPending(false);
  }

  /** Stops everything; the runner is not used afterwards. */
  dispose(): void {
    this.cancel();
    this.worker?.terminate();
    this.worker = undefined;
  }

  private runHere(cy: Core, choice: LayoutName): void {
    if (cy.destroyed()) return;
    runLayout(cy, choice, this.options.positions);
    this.options.onLayout();
  }

  private spawn(create: () => LayoutWorker): LayoutWorker {
    const worker = create();
    worker.onmessage = (event) => this.receive(worker, event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      this.fail(worker, event.message);
    };
    return worker;
  }

  private receive(worker: LayoutWorker, reply: LayoutReply): void {
    const job = this.job;
    // A reply from a stopped worker, or to a request since superseded: the newer request wins.
    if (!job || job.worker !== worker || job.id !== reply.id) return;
    this.job = undefined;
    this.options.onPending(false);
    if (job.cy.destroyed()) return;
    if ('error' in reply) {
      console.warn(`Graph layout failed in the worker (${reply.error}); laying out on the page instead.`);
      this.runHere(job.cy, job.choice);
      return;
    }
    applyLayout(job.cy, replyPositions(reply), this.options.positions);
    this.options.onLayout();
  }

  // The worker script failed to load or crashed: from now on every layout runs on the page.
  private fail(worker: LayoutWorker, message: string): void {
    if (worker !== this.worker) return;
    console.warn(`The graph layout worker failed (${message}); layouts run on the page from now on.`);
    this.workerBroken = true;
    const job = this.job;
    this.job = undefined;
    worker.terminate();
    this.worker = undefined;
    if (!job) return;
    this.options.onPending(false);
    this.runHere(job.cy, job.choice);
  }
}
