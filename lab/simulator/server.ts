import { createServer, type Server, type ServerResponse } from 'node:http';

/** What the simulator's HTTP endpoint serves. */
export interface SimulatorEndpoints {
  /** The Prometheus exposition in chunks (a large mesh's does not fit one string). */
  metrics: () => Iterator<string>;
  /** Ground truth over the `windowSeconds` whole seconds before `endMs`. */
  truth: (windowSeconds: number, endMs: number) => unknown;
  status: () => unknown;
}

/** Writes chunks as the socket takes them, so memory holds one chunk rather than the whole exposition. */
function pump(chunks: Iterator<string>, res: ServerResponse): void {
  for (let next = chunks.next(); !next.done; next = chunks.next()) {
    if (!res.write(next.value)) {
      res.once('drain', () => pump(chunks, res));
      return;
    }
  }
  res.end();
}

/** Serves `/metrics` (Prometheus), `/truth?window=&end=` (ground truth), `/status` and `/healthz` on loopback. */
export function startSimulatorServer(port: number, endpoints: SimulatorEndpoints): Promise<Server> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.method !== 'GET') return json(405, { error: 'GET only' });
    switch (url.pathname) {
      case '/metrics':
        res.writeHead(200, { 'Content-Type': 'text/plain; version=0.0.4; charset=utf-8' });
        return pump(endpoints.metrics(), res);
      case '/truth': {
        const window = Number(url.searchParams.get('window') ?? '60');
        if (!Number.isInteger(window) || window <= 0 || window > 600) return json(400, { error: 'window: whole seconds from 1 to 600' });
        const end = Number(url.searchParams.get('end') ?? Date.now());
        if (!Number.isFinite(end) || end > Date.now() + 1000) return json(400, { error: 'end: a Unix time in milliseconds, not in the future' });
        return json(200, endpoints.truth(window, end));
      }
      case '/status':
        return json(200, endpoints.status());
      case '/healthz':
        return json(200, { status: 'ok' });
      default:
        return json(404, { error: `no route ${url.pathname}; try /metrics, /truth?window=60, /status` });
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}
