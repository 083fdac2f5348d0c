import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { localePath } from '../http/locale.js';
import { i18n, type Locale, locales, type MessageKey, plainText } from '../i18n/index.js';
import { outboxMessages } from './mail.tables.js';

/** Who reads a mail, and the language it is written in for them. */
export interface Recipient {
  email: string;
  locale: Locale;
}

/** Writes one language's mail text. Mail is plain text: parameters go in as they are, unescaped. */
export interface MailWriter {
  locale: Locale;
  t(key: MessageKey, params?: MailParams): string;
  /** The one money format of mail: the same as the pages show in this language. */
  money(cents: number): string;
  /** A site path in the reader's language ("/es/x" for Spanish), for links (ADR 0026). */
  path(path: string): string;
}

/** A parameter is a value, or something written in the reader's language (an amount, a state name). */
export type MailParam = string | number | ((w: MailWriter) => string);
export type MailParams = Record<string, MailParam>;

/** A notification by i18n keys: the body's paragraphs are joined by a blank line. */
export interface KeyedMail {
  subject: MessageKey;
  body: MessageKey | readonly MessageKey[];
  params?: MailParams;
}

/** What a notification says: keys with parameters, or a function writing it in any language. */
export type MailContent = KeyedMail | ((w: MailWriter) => { subject: string; body: string });

/** An amount, written in the reader's language. */
export const amount =
  (cents: number): MailParam =>
  (w) =>
    w.money(cents);

/** "2026-12-01 21:51": a moment in UTC to the minute; the messages say "UTC". */
export const utcMinute = (d: Date) => d.toISOString().slice(0, 16).replace('T', ' ');

const writers = new Map<Locale, MailWriter>();

/** The writer of one language, for text that is rendered like mail (e.g. printed at the command line). */
export function writerFor(locale: Locale): MailWriter {
  let w = writers.get(locale);
  if (!w) {
    const { money } = i18n(locale);
    const made: MailWriter = {
      locale,
      t: (key, params = {}) => plainText(locale, key, resolve(made, params)),
      money,
      path: (path) => localePath(locale, path),
    };
    w = made;
    writers.set(locale, w);
  }
  return w;
}

const resolve = (w: MailWriter, params: MailParams) =>
  Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'function' ? v(w) : v]));

const bodyKeys = (m: KeyedMail) => (typeof m.body === 'string' ? [m.body] : m.body);

/** The mail in one language. */
export function renderMail(locale: Locale, content: MailContent) {
  const w = writerFor(locale);
  if (typeof content === 'function') return content(w);
  return {
    subject: w.t(content.subject, content.params),
    body: bodyKeys(content)
      .map((k) => w.t(k, content.params))
      .join('\n\n'),
  };
}

/**
 * Queues one mail per recipient, each in the recipient's language, inside the caller's
 * transaction (the outbox: the mailer sends it after commit; a rollback sends nothing).
 */
export async function queueMail(db: DbOrTx, recipients: readonly Recipient[], content: MailContent) {
  if (!recipients.length) return;
  const rendered = new Map<Locale, { subject: string; body: string }>();
  const rows = recipients.map(({ email, locale }) => {
    let text = rendered.get(locale);
    if (!text) {
      text = renderMail(locale, content);
      rendered.set(locale, text);
    }
    return { to: email, ...text };
  });
  await db.insert(outboxMessages).values(rows);
}

/** A message's text with `late` parameters left to the statement: SQL concatenating the pieces. */
function templateSql(locale: Locale, keys: readonly MessageKey[], params: MailParams, late: Record<string, SQL>) {
  const w = writerFor(locale);
  const known = resolve(w, params);
  const template = keys.map((k) => plainText(locale, k)).join('\n\n');
  const pieces = template.split(/(\{\w+\})/).map((piece) => {
    const name = /^\{(\w+)\}$/.exec(piece)?.[1];
    if (name && name in late) return late[name] as SQL;
    if (name && name in known) return sql`${String(known[name])}::text`;
    return sql`${piece}::text`;
  });
  return sql`(${sql.join(pieces, sql` || `)})`;
}

/**
 * The statement form of `queueMail`, for a caller that mails inside one of its own
 * statements (a CTE) to save a round trip. Each language's text is rendered here; the
 * statement picks it by the recipient's locale and fills the `late` parameters (values
 * the statement itself makes, like a new order's number). `from` yields the rows with
 * the recipients' `email` and `locale` columns.
 */
export function queueMailSql(content: KeyedMail, q: { from: SQL; email: SQL; locale: SQL; late: Record<string, SQL> }) {
  const params = content.params ?? {};
  const pick = (keys: readonly MessageKey[]) =>
    sql`case ${q.locale} ${sql.join(
      locales.map((l) => sql`when ${l} then ${templateSql(l, keys, params, q.late)}`),
      sql` `,
    )} end`;
  return sql`insert into ${outboxMessages} ("to", subject, body)
    select ${q.email}, ${pick([content.subject])}, ${pick(bodyKeys(content))} from ${q.from}`;
}
