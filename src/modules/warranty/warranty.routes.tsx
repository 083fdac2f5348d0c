import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requireStaff, requireUser } from '../../platform/auth/current-user.js';
import type { Config } from '../../platform/config.js';
import type { Db } from '../../platform/db/client.js';
import { AppError, notFound } from '../../platform/errors.js';
import { pageContext } from '../../platform/http/page-context.js';
import { countAttempts, refundAttempts } from '../accounts/index.js';
import { normalizeCode } from '../invoices/index.js';
import { findCustomerOrder, findOrderByNumber, type Order, orderMachine } from '../orders/index.js';
import { needsBurnIn } from '../packing/index.js';
import { testReportByCode, testReportPdf } from './test-report.data.js';
import { WarrantyPage } from './views/warranty-page.js';
import { lookUpWarranty } from './warranty.data.js';
import { findOrderUnit } from './warranty.repo.js';
import { serialInput, WARRANTY_FAILURES } from './warranty.rules.js';

const html = (reply: FastifyReply, status = 200) => reply.code(status).type('text/html; charset=utf-8');
type UnitReq = FastifyRequest<{ Params: { number: string; unitId: string } }>;

/**
 * The public warranty check (the page; the API answers it as JSON) and the unit test reports:
 * public by verification code, and from the order for its buyer (once shipped) and staff.
 */
export async function warrantyRoutes(app: FastifyInstance, { db, config }: { db: Db; config: Config }) {
  const typedSerial = (req: FastifyRequest<{ Querystring: { serial?: unknown } }>) =>
    typeof req.query.serial === 'string' ? req.query.serial : undefined;

  app.get<{ Querystring: { serial?: unknown } }>('/warranty', async (req, reply) => {
    reply.header('x-robots-tag', 'noindex').header('cache-control', 'no-store');
    const typed = typedSerial(req);
    const ctx = pageContext(req);
    if (typed === undefined) return html(reply).send(<WarrantyPage ctx={ctx} />);
    const parsed = serialInput.safeParse(typed);
    if (!parsed.success)
      return html(reply, 422).send(<WarrantyPage ctx={ctx} typed={typed} error={parsed.error.issues[0]?.message} />);
    const answer = await lookUpWarranty(db, req.ip, parsed.data);
    return html(reply, answer.found ? 200 : 404).send(<WarrantyPage ctx={ctx} typed={typed} answer={answer} />);
  });

  // The report carries no buyer data; the code in its URL is the one printed on it.
  app.get<{ Params: { file: string } }>('/warranty/test-reports/:file', async (req, reply) => {
    reply.header('x-robots-tag', 'noindex');
    const attempt = [`warranty:ip:${req.ip}`];
    if ((await countAttempts(db, attempt)) > WARRANTY_FAILURES) throw new AppError('RATE_LIMITED');
    const code = req.params.file.endsWith('.pdf') ? normalizeCode(req.params.file.slice(0, -4)) : null;
    const found = code ? await testReportByCode(db, code) : undefined;
    if (!found) throw notFound();
    await refundAttempts(db, attempt);
    const { body, filename } = await testReportPdf(db, found.unit, req.i18n.locale, config.publicUrl, {
      issued: found.report,
    });
    return sendPdf(reply, body, filename);
  });

  const unitOf = async (req: UnitReq, order: Order) => {
    const id = Number(req.params.unitId);
    const unit = Number.isInteger(id) && id > 0 ? await findOrderUnit(db, order.id, id) : undefined;
    if (!unit || !needsBurnIn(unit.kind) || unit.burnInPassed === null) throw notFound();
    return unit;
  };
  // The buyer's copy, once the goods have left (before that the record may still change).
  app.get<{ Params: { number: string; unitId: string } }>(
    '/orders/:number/units/:unitId/test-report.pdf',
    async (req, reply) => {
      const order = await findCustomerOrder(db, req.params.number, requireUser(req.user).id);
      if (!orderMachine.is.shippedOrLater(order.status)) throw notFound();
      const { body, filename } = await testReportPdf(db, await unitOf(req, order), req.i18n.locale, config.publicUrl);
      return sendPdf(reply, body, filename);
    },
  );
  app.get<{ Params: { number: string; unitId: string } }>(
    '/admin/orders/:number/units/:unitId/test-report.pdf',
    async (req, reply) => {
      requireStaff(req.user);
      const order = await findOrderByNumber(db, req.params.number);
      if (!order) throw notFound();
      const unit = await unitOf(req, order);
      const { body, filename } = await testReportPdf(db, unit, req.i18n.locale, config.publicUrl, { staffCopy: true });
      return sendPdf(reply, body, filename);
    },
  );
}

function sendPdf(reply: FastifyReply, body: Buffer, filename: string) {
  return reply
    .header('cache-control', 'private, no-store')
    .header('content-disposition', `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, '_')}"`)
    .type('application/pdf')
    .send(body);
}
