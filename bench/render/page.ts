// Builds the harness page into a temporary folder and serves it on a loopback port the system picks. Node only.

import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build, type Plugin } from 'esbuild';
import type { BenchInput } from './protocol';

const HERE = import.meta.dirname;
const ROOT = resolve(HERE, '../..');
const PROBE = join(HERE, 'cytoscape-probe.ts');

// Tailwind's two classes the component's container uses; the page has no other CSS.
const INDEX_HTML = `<!doctype html>
<html><head><meta charset="utf-8"><title>meshscope render bench</title>
<style>html,body{margin:0;height:100%;overflow:hidden}#stage{position:absolute;inset:0}.h-full{height:100%}.w-full{width:100%}</style>
</head><body><div id="stage"></div><script type="module" src="/harness.js"></script></body></html>
`;

const benchResolve: Plugin = {
  name: 'meshscope-bench-resolve',
  setup(b) {
    // The app's `@/` import alias (tsconfig paths), resolved from the repository root.
    b.onResolve({ filter: /^@\// }, async (args) => {
      const found = await b.resolve(`./${args.path.slice(2)}`, { resolveDir: ROOT, kind: args.kind });
      return found.errors.length > 0 ? { errors: found.errors } : { path: found.path };
    });
    // Every cytoscape import but the probe's own goes through the probe (see cytoscape-probe.ts).
    b.onResolve({ filter: /^cytoscape$/ }, (args) => (args.importer === PROBE ? undefined : { path: PROBE }));
  },
};

/**
 * Bundles a harness page (this folder's harness.tsx unless `entry` names another) for the browser as a production
 * build (React without its development checks), minified, to harness.js.
 */
export async function bundleHarness(outDir: string, entry: string = join(HERE, 'harness.tsx')): Promise<void> {
  await build({
    entryPoints: [entry],
    outfile: join(outDir, 'harness.js'),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'chrome120',
    jsx: 'automatic',
    minify: true,
    define: { 'process.env.NODE_ENV': '"production"' },
    plugins: [benchResolve],
    // esbuild warns that it drops the 'use client' directives; in a plain bundle they mean nothing.
    logLevel: 'error',
  });
}

export interface ServedPage {
  url: string;
  close: () => Promise<void>;
}

/** Serves the page, the bundle and the input from memory on 127.0.0.1, on a port the system picks. */
export async function servePage(outDir: string, input: BenchInput | object): Promise<ServedPage> {
  const files = new Map<string, { type: string; body: string | Buffer }>([
    ['/', { type: 'text/html', body: INDEX_HTML }],
    ['/harness.js', { type: 'text/javascript', body: readFileSync(join(outDir, 'harness.js')) }],
    ['/input.json', { type: 'application/json', body: JSON.stringify(input) }],
  ]);
  const server: Server = createServer((req, res) => {
    const file = files.get(new URL(req.url ?? '/', 'http://page').pathname);
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': file.type, 'cache-control': 'no-store' }).end(file.body);
  });
  await new Promise<void>((ready, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', ready);
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the page server has no TCP address');
  return {
    url: `http://127.0.0.1:${address.port}/`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
