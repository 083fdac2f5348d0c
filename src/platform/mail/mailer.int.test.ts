import { once } from 'node:events';
import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/test-app.js';
import type { Database } from '../db/client.js';
import { outboxMessages } from '../db/schema.js';
import { startMailer } from './index.js';

/** Just enough SMTP to accept mail on loopback and keep each message as received. */
function smtpSink() {
  const received: string[] = [];
  const server: Server = createServer((socket) => {
    let data: string | undefined;
    const say = (line: string) => socket.write(`${line}\r\n`);
    say('220 sink ESMTP');
    let buffer = '';
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      for (let i = buffer.indexOf('\r\n'); i >= 0; i = buffer.indexOf('\r\n')) {
        const line = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        if (data !== undefined) {
          if (line === '.') {
            received.push(data);
            data = undefined;
            say('250 queued');
          } else data += `${line}\n`;
        } else if (/^(EHLO|HELO)/i.test(line)) say('250 sink');
        else if (/^DATA/i.test(line)) {
          data = '';
          say('354 go on');
        } else if (/^QUIT/i.test(line)) {
          say('221 bye');
          socket.end();
        } else say('250 ok');
      }
    });
  });
  return { server, received };
}

let db: Database;
const sink = smtpSink();
let port = 0;
beforeAll(async () => {
  db = await openTestDatabase();
  sink.server.listen(0, '127.0.0.1');
  await once(sink.server, 'listening');
  port = (sink.server.address() as { port: number }).port;
});
afterAll(async () => {
  sink.server.close();
  await db.close();
});

describe('the mailer', () => {
  it("sends from MAIL_FROM's address under the seller's name, and marks the mail sent", async () => {
    await db.db.insert(outboxMessages).values({ to: 'buyer@example.com', subject: 'Hola', body: 'Cuerpo' });
    const mailer = startMailer({
      db: db.db,
      smtpUrl: `smtp://127.0.0.1:${port}`,
      from: 'orders@shop.example.com',
      senderName: async () => 'Minería Ltd.',
      intervalMs: 60_000,
    });
    try {
      expect(await mailer.flush()).toBe(1);
    } finally {
      mailer.stop();
    }
    expect(sink.received).toHaveLength(1);
    expect(sink.received[0]).toMatch(/^From: =\?UTF-8\?Q\?Miner=C3=ADa_Ltd=2E\?= <orders@shop\.example\.com>$/m);
    expect(sink.received[0]).toMatch(/^To: buyer@example\.com$/m);
    const [row] = await db.db.select().from(outboxMessages);
    expect(row?.sentAt).not.toBeNull();
  });
});
