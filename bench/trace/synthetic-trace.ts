// A deterministic synthetic trace of any size, for the waterfall benchmark. Pure: the page builds it from the span
// count alone, so tens of megabytes of JSON never cross the loopback socket and both modes get identical spans.

import type { Span, Trace } from '@/lib/mesh/traces/types';
import { seededUniform } from '../../lab/simulator/sampling';

const SERVICES = ['frontend', 'checkout', 'cart', 'payments', 'inventory', 'shipping', 'recommendations'];
const OPERATIONS = ['GET /api/items', 'POST /api/orders', 'grpc.Reserve', 'grpc.Charge', 'SELECT items', 'cache.get', 'publish order'];
const TRACE_ID = '5eed0000000000000000000000000001';
const ERROR_RATE = 0.01;


/**
 * `spanCount` spans under one root, filled breadth-first with a fan-out of 2–8 per span, so the tree is wide and a
 * handful of levels deep like a real fan-out request; each child runs inside its parent's time, a service calls
 * one of the others, and about 1% of spans fail. Sorted by start time, a parent before children starting with it.
 */
export function syntheticTrace(spanCount: number, seed = 6): Trace {
  const random = seededUniform(seed);
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const spans: Span[] = [];
  const make = (parent: Span | undefined, startUs: number, durationUs: number): Span => {
    const service = parent ? pick(SERVICES) : 'frontend';
    const error = parent !== undefined && random() < ERROR_RATE;
    const span: Span = {
      spanId: (spans.length + 1).toString(16).padStart(16, '0'),
      ...(parent ? { parentSpanId: parent.spanId } : {}),
      traceId: TRACE_ID,
      service,
      operation: pick(OPERATIONS),
      startUs,
      durationUs,
      kind: parent ? 'client' : 'server',
      attributes: { 'http.status_code': error ? 500 : 200 },
      resourceAttributes: { 'service.name': service },
      events: [],
      links: [],
      status: error ? { code: 'error', message: 'upstream failed' } : { code: 'unset' },
      error,
    };
    spans.push(span);
    return span;
  };

  const queue: Span[] = [make(undefined, 1_700_000_000_000_000, 30_000_000)];
  // An index into the queue rather than shift(), which is linear per call on a 50,000-long array.
  for (let head = 0; spans.length < spanCount && head < queue.length; head++) {
    const parent = queue[head] as Span;
    const fanOut = 2 + Math.floor(random() * 7);
    for (let i = 0; i < fanOut && spans.length < spanCount; i++) {
      const offset = Math.floor(random() * parent.durationUs * 0.5);
      const durationUs = Math.max(1, Math.floor(random() * (parent.durationUs - offset)));
      queue.push(make(parent, parent.startUs + offset, durationUs));
    }
  }
  // Array.prototype.sort is stable, and a child never starts before its parent, so parents stay first on ties.
  spans.sort((a, b) => a.startUs - b.startUs);
  return { traceId: TRACE_ID, spans };
}
