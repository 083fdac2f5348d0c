import { desc, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { outboxMessages } from './mail.tables.js';

export {
  amount,
  type KeyedMail,
  type MailContent,
  type MailParam,
  type MailParams,
  type MailWriter,
  queueMail,
  queueMailSql,
  type Recipient,
  renderMail,
  utcMinute,
  writerFor,
} from './compose.js';
export { outboxMessages };

export async function latestOutbox(db: DbOrTx, limit = 100) {
  return db.select().from(outboxMessages).orderBy(desc(outboxMessages.id)).limit(limit);
}

const MAX_ATTEMPTS = 8;

export interface Mailer {
  /** Delivers what is due now (also runs on a timer). Returns how many were sent. */
  flush(): Promise<number>;
  stop(): void;
}

/**
 * Sends queued mail through SMTP when configured. Rows are claimed with one
 * conditional UPDATE (SKIP LOCKED on PostgreSQL), so several app processes never
 * send the same message twice; failures are retried with the attempt count kept.
 * Without SMTP nothing is sent: the outbox is the mailbox.
 */
export function startMailer(opts: {
  db: DbOrTx;
  smtpUrl?: string;
  /** The From header (config MAIL_FROM): `Name <address>`, or an address that `senderName` names. */
  from?: string;
  /** The name shown for a bare `from` address: the seller's, from the shop settings, read at sending time. */
  senderName?: () => Promise<string>;
  intervalMs?: number;
  log?: (msg: string, err?: unknown) => void;
}): Mailer {
  // nodemailer is loaded only when SMTP is configured (~15 MB of resident memory otherwise unused, #7).
  const smtpUrl = opts.smtpUrl;
  const transport = smtpUrl ? import('nodemailer').then((m) => m.default.createTransport(smtpUrl)) : undefined;
  const address = opts.from ?? 'no-reply@localhost';
  const sender = async () =>
    address.includes('<') || !opts.senderName ? address : { name: await opts.senderName(), address };
  let running: Promise<number> | undefined;

  async function deliver(): Promise<number> {
    if (!transport) return 0;
    const claimed = (await opts.db.execute(sql`
      update ${outboxMessages} set claimed_at = now(), attempts = attempts + 1
       where id in (select id from ${outboxMessages}
                     where sent_at is null and attempts < ${MAX_ATTEMPTS}
                       and (claimed_at is null or claimed_at < now() - interval '2 minutes')
                     order by id limit 20 for update skip locked)
      returning id, "to", subject, body`)) as unknown as {
      rows: { id: number; to: string; subject: string; body: string }[];
    };
    let sent = 0;
    const from = claimed.rows.length ? await sender() : address;
    for (const m of claimed.rows) {
      try {
        await (await transport).sendMail({ from, to: m.to, subject: m.subject, text: m.body });
        await opts.db.execute(sql`update ${outboxMessages} set sent_at = now(), last_error = null where id = ${m.id}`);
        sent++;
      } catch (err) {
        opts.log?.('mail delivery failed; will retry', err);
        await opts.db.execute(
          sql`update ${outboxMessages} set claimed_at = null, last_error = ${String((err as Error).message).slice(0, 500)} where id = ${m.id}`,
        );
      }
    }
    return sent;
  }

  const flush = () => {
    running ??= deliver().finally(() => {
      running = undefined;
    });
    return running;
  };
  const timer = transport
    ? setInterval(() => void flush().catch((err) => opts.log?.('mailer error', err)), opts.intervalMs ?? 5_000)
    : undefined;
  timer?.unref();
  return { flush, stop: () => timer && clearInterval(timer) };
}
