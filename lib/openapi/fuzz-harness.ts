// What the two fuzz runs (GET routes, lib/openapi/fuzz.int.test.ts; mutating routes, fuzz-writes.int.test.ts) share:
// where a path's route file is, a small worker pool, and the check of one answer against its operation.

import { join } from 'node:path';
import { conformanceProblems } from './conforms';
import { openApiDocument as doc } from './document';
import type { Operation } from './types';

const ROOT = join(import.meta.dirname, '..', '..');

/** The route file behind a documented path: `/api/istio/{namespace}` → `app/api/istio/[namespace]/route.ts`. */
export function routeFile(path: string): string {
  return join(ROOT, 'app', ...path.split('/').filter(Boolean).map((s) => s.replace(/^\{(.+)\}$/, '[$1]')), 'route.ts');
}

/** Runs `run` over `items`, `concurrency` at a time. */
export async function pool<T>(items: readonly T[], concurrency: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await run(items[next++] as T);
    }),
  );
}

/**
 * What is wrong with one answer; empty when it keeps the contract: no 5xx, a documented status, a JSON body of the
 * documented shape, and a 400 whose `details.field` is one `isField` accepts and whose message starts with it.
 */
export function answerProblems(op: Operation, answer: { status: number; type: string; text: string }, isField: (field: string) => boolean): string[] {
  const { status, type, text } = answer;
  if (status >= 500) return [`status ${status}: ${text.slice(0, 300)}`];
  if (!(String(status) in op.responses)) return [`undocumented status ${status}: ${text.slice(0, 300)}`];
  const schema = op.responses[String(status)]?.content?.['application/json']?.schema;
  if (!schema) return [];
  if (!type.includes('application/json')) return [`content-type ${type}`];
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return [`not JSON: ${text.slice(0, 100)}`];
  }
  const problems = conformanceProblems(body, schema, doc.components.schemas).slice(0, 5);
  if (status === 400) {
    const error = (body as { error?: { message?: string; details?: { field?: unknown } } }).error;
    const field = error?.details?.field;
    if (typeof field !== 'string' || !isField(field)) problems.push(`400 names no field of the operation: ${JSON.stringify(error).slice(0, 300)}`);
    else if (!error?.message?.startsWith(field)) problems.push(`400 message does not start with its field ${field}: ${error?.message}`);
  }
  return problems;
}
