import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requireStaff, requireUser } from '../../platform/auth/current-user.js';
import type { Config } from '../../platform/config.js';
import type { Db } from '../../platform/db/client.js';
import { AppError, notFound } from '../../platform/errors.js';
import { seeOther } from '../../platform/http/locale.js';
import { pageContext } from '../../platform/http/page-context.js';
import type { Locale } from '../../platform/i18n/index.js';
import { qrPng, qrSvg } from '../../platform/qr.js';
import { countAttempts, refundAttempts } from '../accounts/index.js';
import { findCustomerOrder, findOrderByNumber, type Order } from '../orders/index.js';
import { getSettings } from '../settings/index.js';
import { loadProforma, loadVerification } from './proforma.data.js';
import { normalizeCode } from './proforma.rules.js';
import { renderProformaPdf } from './proforma-pdf.js';
import { ProformaPage } from './views/proforma-page.js';
import { type OtherDocument, VerifyFormPage, VerifyResultPage } from './views/verify-page.js';

type NumberReq = FastifyRequest<{ Params: { number: string } }>;
const html = (reply: FastifyReply, status = 200) => reply.code(status).type('text/html; charset=utf-8');

/** Unknown codes one client address may try per 15 minutes on the verify page. */
const VERIFY_FAILURES = 30;

/**
 * Another module's document printed with the PI's code scheme (a refund's credit note):
 * what the verify page shows for a code that is not a PI's, or undefined when it is not
 * that module's either. app.ts passes them in (invoices may not import their modules).
 */
export type VerifiableDocument = (db: Db, code: string, locale: Locale) => Promise<OtherDocument | undefined>;

/** The PI (page and PDF) for the order's owner and staff, and the public verify page. */
export async function proformaRoutes(
  app: FastifyInstance,
  { db, config, documents = [] }: { db: Db; config: Config; documents?: VerifiableDocument[] },
) {
  // Another customer's order answers 404 (findCustomerOrder), as for the order page.
  const customerOrder = (req: NumberReq) => findCustomerOrder(db, req.params.number, requireUser(req.user).id);
  const staffOrder = async (req: NumberReq) => {
    requireStaff(req.user);
    const order = await findOrderByNumber(db, req.params.number);
    if (!order) throw notFound();
    return order;
  };

  const page = async (req: NumberReq, reply: FastifyReply, order: Order, base: string) => {
    const { model } = await loadProforma(db, order, req.i18n.locale, config.publicUrl);
    const safeQrSvg = await qrSvg(model.verify.url);
    reply.header('cache-control', 'private, no-store');
    return html(reply).send(
      <ProformaPage ctx={pageContext(req)} m={model} safeQrSvg={safeQrSvg} back={base} pdf={`${base}/pi.pdf`} />,
    );
  };
  const pdf = async (req: NumberReq, reply: FastifyReply, order: Order) => {
    const { model } = await loadProforma(db, order, req.i18n.locale, config.publicUrl);
    const body = await renderProformaPdf(model, { qrPng: await qrPng(model.verify.url) });
    return reply
      .header('cache-control', 'private, no-store')
      .header('content-disposition', `attachment; filename="${model.number}.pdf"`)
      .type('application/pdf')
      .send(body);
  };

  app.get<{ Params: { number: string } }>('/orders/:number/pi', async (req, reply) =>
    page(req, reply, await customerOrder(req), `/orders/${encodeURIComponent(req.params.number)}`),
  );
  app.get<{ Params: { number: string } }>('/orders/:number/pi.pdf', async (req, reply) =>
    pdf(req, reply, await customerOrder(req)),
  );
  app.get<{ Params: { number: string } }>('/admin/orders/:number/pi', async (req, reply) =>
    page(req, reply, await staffOrder(req), `/admin/orders/${encodeURIComponent(req.params.number)}`),
  );
  app.get<{ Params: { number: string } }>('/admin/orders/:number/pi.pdf', async (req, reply) =>
    pdf(req, reply, await staffOrder(req)),
  );

  app.get<{ Querystring: { code?: string } }>('/verify', async (req, reply) => {
    reply.header('x-robots-tag', 'noindex');
    const typed = typeof req.query.code === 'string' ? req.query.code : undefined;
    if (typed !== undefined) {
      const code = normalizeCode(typed);
      if (code) return seeOther(req, reply, `/verify/${code}`);
    }
    const { sellerName } = await getSettings(db);
    const error = typed !== undefined;
    return html(reply, error ? 422 : 200).send(
      <VerifyFormPage ctx={pageContext(req)} sellerName={sellerName} code={typed} error={error} />,
    );
  });

  // Public and guessable by design: codes that match nothing are counted per client address in
  // the database (every process shares the count), so codes cannot be enumerated; a banker
  // checking a genuine PI again and again is never held up.
  app.get<{ Params: { code: string } }>('/verify/:code', async (req, reply) => {
    reply.header('x-robots-tag', 'noindex').header('cache-control', 'no-store');
    const attempt = [`verify:ip:${req.ip}`];
    if ((await countAttempts(db, attempt)) > VERIFY_FAILURES) throw new AppError('RATE_LIMITED');
    const code = normalizeCode(req.params.code);
    const v = await loadVerification(db, code);
    let other: OtherDocument | undefined;
    for (const find of v.outcome.kind === 'unknown' && code ? documents : []) {
      other ??= await find(db, code as string, req.i18n.locale);
    }
    if (v.outcome.kind !== 'unknown' || other) await refundAttempts(db, attempt);
    return html(reply, v.outcome.kind === 'genuine' || other ? 200 : 404).send(
      <VerifyResultPage ctx={pageContext(req)} v={v} other={other} />,
    );
  });
}
