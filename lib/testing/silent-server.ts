// A TCP server on loopback that accepts connections and never answers: the one way to see an upstream timeout
// in a test without waiting on a real outage.
import { createServer, type Socket } from 'node:net';

export interface SilentServer {
  url: string;
  close: () => Promise<void>;
}

/** Starts a silent server on a free 127.0.0.1 port. */
export async function startSilentServer(): Promise<SilentServer> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => sockets.add(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
