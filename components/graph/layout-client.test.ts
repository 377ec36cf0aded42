import cytoscape, { type Core } from 'cytoscape';
import dagre from 'cytoscape-dagre';
import fcose from 'cytoscape-fcose';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { LayoutRunner, type LayoutWorker } from './layout-client';
import { computeLayout, WORKER_MIN_NODES, type LayoutReply, type LayoutRequest } from './layout-job';
import type { Position } from './placement';

beforeAll(() => {
  cytoscape.use(dagre);
  cytoscape.use(fcose);
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** Stands in for the browser's Worker: keeps what it was sent; the test decides when and what it answers. */
class StandInWorker implements LayoutWorker {
  requests: LayoutRequest[] = [];
  terminated = false;
  onmessage: ((event: MessageEvent<LayoutReply>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  postMessage(request: LayoutRequest) {
    this.requests.push(request);
  }
  terminate() {
    this.terminated = true;
  }
  reply(reply: LayoutReply) {
    this.onmessage?.({ data: reply } as MessageEvent<LayoutReply>);
  }
  /** Answers the last request as the real worker would. */
  finish(): LayoutReply {
    const reply = computeLayout(this.requests.at(-1)!);
    this.reply(reply);
    return reply;
  }
  crash() {
    this.onerror?.({ message: 'boom', preventDefault: () => {} } as ErrorEvent);
  }
}

/** A chain of `count` nodes, unplaced. */
function chain(count: number): Core {
  const cy = cytoscape({ headless: true, styleEnabled: true });
  cy.add(Array.from({ length: count }, (_, i) => ({ group: 'nodes' as const, data: { id: `n${i}` } })));
  cy.add(Array.from({ length: count - 1 }, (_, i) => ({ group: 'edges' as const, data: { id: `e${i}`, source: `n${i}`, target: `n${i + 1}` } })));
  return cy;
}

function setup({ workers = true } = {}) {
  const spawned: StandInWorker[] = [];
  const positions = new Map<string, Position>();
  const events: string[] = [];
  const runner = new LayoutRunner({
    positions,
    createWorker: workers
      ? () => {
          const w = new StandInWorker();
          spawned.push(w);
          return w;
        }
      : undefined,
    onLayout: () => events.push('layout'),
    onPending: (pending) => events.push(pending ? 'pending' : 'settled'),
  });
  return { runner, spawned, positions, events };
}

const BIG = WORKER_MIN_NODES;
const at = (cy: Core, id: string) => ({ ...cy.getElementById(id).position() });

describe('LayoutRunner', () => {
  it('lays out a small graph at once, without a worker', () => {
    const { runner, spawned, positions, events } = setup();
    runner.run(chain(BIG - 1), 'auto');
    expect(spawned).toHaveLength(0);
    expect(events).toEqual(['layout']);
    expect(positions.size).toBe(BIG - 1);
  });

  it('lays out a big graph at once where there is no Worker', () => {
    const { runner, positions, events } = setup({ workers: false });
    runner.run(chain(BIG), 'fcose');
    expect(events).toEqual(['layout']);
    expect(positions.size).toBe(BIG);
  });

  it('sends a big graph to the worker and applies its answer as the layout', () => {
    const { runner, spawned, positions, events } = setup();
    const cy = chain(BIG);
    runner.run(cy, 'auto', { fresh: true });
    expect(spawned).toHaveLength(1);
    const [request] = spawned[0]!.requests;
    expect(request).toMatchObject({ algorithm: 'dagre', nodes: expect.any(Array) });
    expect(request?.nodes).toHaveLength(BIG);
    expect(events).toEqual(['pending']);
    expect(positions.size).toBe(0);
    // A fresh canvas shows a grid meanwhile, not every node on one spot.
    expect(new Set(cy.nodes().map((n) => `${n.position().x},${n.position().y}`)).size).toBe(BIG);

    const reply = spawned[0]!.finish();
    if (!('positions' in reply)) throw new Error(reply.error);
    expect(events).toEqual(['pending', 'settled', 'layout']);
    for (const p of reply.positions) {
      expect(at(cy, p.id)).toEqual({ x: p.x, y: p.y });
      expect(positions.get(p.id)).toEqual({ x: p.x, y: p.y });
    }
  });

  it('asks the worker for the chosen algorithm', () => {
    const { runner, spawned } = setup();
    runner.run(chain(BIG), 'fcose');
    expect(spawned[0]!.requests[0]?.algorithm).toBe('fcose');
  });

  it('lets a newer request win: the running one is stopped and a late answer to it ignored', () => {
    const { runner, spawned, positions, events } = setup();
    const cy = chain(BIG);
    runner.run(cy, 'dagre');
    runner.run(cy, 'fcose');
    expect(spawned).toHaveLength(2);
    expect(spawned[0]!.terminated).toBe(true);
    expect(spawned[1]!.terminated).toBe(false);

    const before = at(cy, 'n0');
    spawned[0]!.finish();
    expect(at(cy, 'n0')).toEqual(before);
    expect(positions.size).toBe(0);

    spawned[1]!.finish();
    expect(events).toEqual(['pending', 'settled', 'pending', 'settled', 'layout']);
    expect(positions.size).toBe(BIG);
  });

  it('ignores an answer to an older request from the current worker', () => {
    const { runner, spawned, events } = setup();
    const cy = chain(BIG);
    runner.run(cy, 'dagre');
    spawned[0]!.finish();
    runner.run(cy, 'dagre');
    const worker = spawned[0]!;
    expect(spawned).toHaveLength(1);
    worker.reply({ id: worker.requests[0]!.id, positions: [{ id: 'n0', x: 1e6, y: 1e6 }] });
    expect(at(cy, 'n0').x).not.toBe(1e6);
    worker.finish();
    expect(events.filter((e) => e === 'layout')).toHaveLength(2);
  });

  it('drops a worker layout when a small layout comes after it', () => {
    const { runner, spawned, events } = setup();
    runner.run(chain(BIG), 'auto');
    runner.run(chain(3), 'auto');
    expect(spawned[0]!.terminated).toBe(true);
    expect(events).toEqual(['pending', 'settled', 'layout']);
  });

  it('lays out on the page when the worker reports a failure', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { runner, spawned, positions, events } = setup();
    runner.run(chain(BIG), 'dagre');
    const worker = spawned[0]!;
    worker.reply({ id: worker.requests[0]!.id, error: 'no luck' });
    expect(events).toEqual(['pending', 'settled', 'layout']);
    expect(positions.size).toBe(BIG);
    expect(console.warn).toHaveBeenCalledWith(expect.stringContaining('no luck'));
  });

  it('gives up on workers once one crashes, laying out on the page from then on', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { runner, spawned, positions, events } = setup();
    runner.run(chain(BIG), 'dagre');
    spawned[0]!.crash();
    expect(spawned[0]!.terminated).toBe(true);
    expect(events).toEqual(['pending', 'settled', 'layout']);
    expect(positions.size).toBe(BIG);
    runner.run(chain(BIG), 'dagre');
    expect(spawned).toHaveLength(1);
    expect(events.at(-1)).toBe('layout');
  });

  it('does nothing with an answer for a canvas that is gone', () => {
    const { runner, spawned, positions, events } = setup();
    const cy = chain(BIG);
    runner.run(cy, 'dagre');
    cy.destroy();
    spawned[0]!.finish();
    expect(events).toEqual(['pending', 'settled']);
    expect(positions.size).toBe(0);
  });

  it('stops its worker when disposed', () => {
    const { runner, spawned, events } = setup();
    runner.run(chain(BIG), 'dagre');
    runner.dispose();
    expect(spawned[0]!.terminated).toBe(true);
    spawned[0]!.finish();
    expect(events).toEqual(['pending', 'settled']);
  });
});
