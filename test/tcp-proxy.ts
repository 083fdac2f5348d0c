import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy on loopback in front of a real server (PostgreSQL): tests cut it to make the
 * server unreachable, as a network failure or a stopped server would, and open it again on the
 * same port, without touching the server itself. `stall` accepts connections and forwards
 * nothing (a black-holed network).
 */
export async function startTcpProxy(target: { host: string; port: number }) {
  const sockets = new Set<Socket>();
  const pairs = new Set<[Socket, Socket]>();
  let stalled = false;
  let server: Server | undefined;
  let port = 0;
  const track = (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => s.destroy());
  };
  const open = async () => {
    server = createServer((client) => {
      track(client);
      if (stalled) return;
      const upstream = connect(target.port, target.host);
      track(upstream);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
      const pair: [Socket, Socket] = [client, upstream];
      pairs.add(pair);
      client.on('close', () => pairs.delete(pair));
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve, reject) => server!.once('error', reject).listen(port, '127.0.0.1', resolve));
    port = (server.address() as { port: number }).port;
  };
  const cut = async () => {
    const closed = new Promise<void>((r) => (server ? server.close(() => r()) : r()));
    for (const s of sockets) s.destroy();
    await closed;
    server = undefined;
  };
  await open();
  return {
    get port() {
      return port;
    },
    /** Refuses connections and drops the open ones. */
    cut,
    /** Listens again on the same port (connections a stall swallowed are dropped). */
    restore: async () => {
      if (stalled) await cut();
      stalled = false;
      if (!server) await open();
    },
    /** Forwards nothing more, on open connections and new ones alike, and drops nothing. */
    stall: () => {
      stalled = true;
      for (const [client, upstream] of pairs) {
        client.unpipe(upstream);
        upstream.unpipe(client);
        client.pause();
        upstream.pause();
      }
    },
    close: cut,
  };
}
