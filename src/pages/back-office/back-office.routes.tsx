import type { FastifyInstance } from 'fastify';
import { findOrderByNumber } from '../../modules/orders/index.js';
import { listPendingChanges, PendingChangesBanner, seesPaymentChanges } from '../../modules/payment-methods/index.js';
import { auditListInput, listAudit } from '../../platform/audit/index.js';
import { requireRole, requireStaff } from '../../platform/auth/current-user.js';
import type { Db } from '../../platform/db/client.js';
import { SEARCH_MIN_CHARS } from '../../platform/db/contains.js';
import { notFound } from '../../platform/errors.js';
import { formValues, parseForm } from '../../platform/http/forms.js';
import { pageContext } from '../../platform/http/page-context.js';
import { latestOutbox } from '../../platform/mail/index.js';
import { attentionFor } from './attention.data.js';
import { AuditPage } from './audit-page.js';
import { businessFigures, DEFAULT_PERIOD, parsePeriod } from './business.data.js';
import { customerPage } from './customer-page.js';
import { DashboardPage } from './dashboard-page.js';
import { OutboxPage } from './outbox-page.js';
import { searchBackOffice } from './search.data.js';
import { SearchPage } from './search-page.js';

export async function backOfficeRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const customer = customerPage(db);
  app.get<{ Params: { id: string } }>('/admin/customers/:id', async (req, reply) => {
    requireStaff(req.user);
    const id = /^\d{1,9}$/.test(req.params.id) ? Number(req.params.id) : 0;
    if (!id) throw notFound();
    return customer(req, reply, id);
  });

  app.get('/admin', async (req, reply) => {
    const user = requireStaff(req.user);
    const ctx = pageContext(req);
    // A period not offered is a 400 that says so, with the default period's figures below.
    const period = parsePeriod((req.query as { period?: unknown }).period);
    const [pendingChanges, tiles, figures] = await Promise.all([
      seesPaymentChanges(user.role) ? listPendingChanges(db) : [],
      attentionFor(db, user.role),
      businessFigures(db, period ?? DEFAULT_PERIOD),
    ]);
    return reply
      .code(period ? 200 : 400)
      .type('text/html; charset=utf-8')
      .send(
        <DashboardPage
          ctx={ctx}
          user={user}
          tiles={tiles}
          figures={figures}
          periodError={!period}
          banner={<PendingChangesBanner ctx={ctx} changes={pendingChanges} />}
        />,
      );
  });

  app.get('/admin/search', async (req, reply) => {
    requireStaff(req.user);
    const raw = (req.query as { q?: unknown }).q;
    const q = (typeof raw === 'string' ? raw : '').trim().slice(0, 200);
    // A whole order number is what a person pasted from a mail or a call: open that order.
    if (/^HC-\d{4}-\d{6}$/i.test(q) && (await findOrderByNumber(db, q.toUpperCase())))
      return reply.code(303).redirect(`/admin/orders/${q.toUpperCase()}`);
    const tooShort = q.length > 0 && q.length < SEARCH_MIN_CHARS;
    const results = q.length >= SEARCH_MIN_CHARS ? await searchBackOffice(db, q) : undefined;
    return reply
      .type('text/html; charset=utf-8')
      .send(<SearchPage ctx={pageContext(req)} q={q} results={results} tooShort={tooShort} />);
  });

  // Admin only: the log shows every change, users and roles included (ADR 0028).
  app.get('/admin/audit', async (req, reply) => {
    requireRole(req.user, 'admin');
    const form = parseForm(auditListInput, req.query);
    const page = form.ok ? await listAudit(db, form.data) : undefined;
    return reply
      .code(form.ok ? 200 : 400)
      .type('text/html; charset=utf-8')
      .send(
        <AuditPage
          ctx={pageContext(req)}
          values={formValues(req.query)}
          refused={form.ok ? undefined : form}
          page={page}
        />,
      );
  });

  app.get('/admin/outbox', async (req, reply) => {
    requireRole(req.user, 'admin');
    const messages = await latestOutbox(db);
    return reply.type('text/html; charset=utf-8').send(<OutboxPage ctx={pageContext(req)} messages={messages} />);
  });
}
