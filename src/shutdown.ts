import type { FastifyInstance } from 'fastify';

/**
 * Closes the app for a stop or a rolling restart: live streams end (browsers reconnect to
 * another process), the listener stops accepting, requests in flight finish, then sweeps, mail,
 * the event bus and the database close. Resolves with the exit code: 0 when all of that took
 * less than `timeoutMs`, 1 when it failed or ran out of time (whatever is still open is dropped).
 */
export async function shutdown(app: FastifyInstance, timeoutMs: number): Promise<0 | 1> {
  let timer: NodeJS.Timeout | undefined;
  const outOfTime = new Promise<1>((resolve) => {
    timer = setTimeout(() => {
      app.log.error(`still closing after ${timeoutMs} ms: exiting anyway`);
      resolve(1);
    }, timeoutMs);
  });
  const closed = app.close().then(
    () => 0 as const,
    (err) => {
      app.log.error({ err }, 'error while closing');
      return 1 as const;
    },
  );
  try {
    return await Promise.race([closed, outOfTime]);
  } finally {
    clearTimeout(timer);
  }
}

/** SIGTERM (and Ctrl-C): shut down once, then exit with its code. */
export function exitOnSignals(app: FastifyInstance, timeoutMs: number, exit: (code: number) => void = process.exit) {
  let closing = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (closing) return;
      closing = true;
      app.log.info(`${signal} received: finishing requests in flight (at most ${timeoutMs} ms)`);
      void shutdown(app, timeoutMs).then(exit);
    });
  }
}
