// Keeps the document and the route files in step: every route.ts under app/ and each HTTP method it exports must be
// described, and every described operation must exist.

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from './document';

const APP = join(import.meta.dirname, '..', '..', 'app');
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? routeFiles(join(dir, e.name)) : /^route\.(ts|tsx|js)$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

/** `app/api/traces/[traceId]/route.ts` → `/api/traces/{traceId}`; route groups `(x)` leave no segment. */
function urlPathOf(file: string): string {
  const segments = relative(APP, file).split(sep).slice(0, -1);
  const url = segments
    .filter((s) => !/^\(.*\)$/.test(s))
    .map((s) => s.replace(/^\[(.+)\]$/, '{$1}'))
    .join('/');
  return `/${url}`;
}

function exportedMethods(source: string): string[] {
  return METHODS.filter((m) => new RegExp(`export\\s+(?:const|(?:async\\s+)?function)\\s+${m}\\b`).test(source));
}

const implemented = routeFiles(APP).flatMap((f) => exportedMethods(readFileSync(f, 'utf8')).map((m) => `${m} ${urlPathOf(f)}`));
const documented = Object.entries(openApiDocument.paths).flatMap(([path, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${path}`));

describe('the OpenAPI document covers the routes', () => {
  it('finds the route files it checks', () => {
    expect(implemented).toContain('GET /api/graph');
    expect(implemented).toContain('GET /api/namespaces/{namespace}/{kind}/{name}/metrics');
    expect(implemented).toContain('GET /api/openapi.json');
  });

  it('describes every method every route file exports', () => {
    expect(implemented.filter((op) => !documented.includes(op))).toEqual([]);
  });

  it('describes no operation without a route file', () => {
    expect(documented.filter((op) => !implemented.includes(op))).toEqual([]);
  });
});
