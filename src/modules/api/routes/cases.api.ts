import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { CurrentUser } from '../../../platform/auth/current-user.js';
import type { Db } from '../../../platform/db/client.js';
import type { ActionContext } from '../../../platform/effects.js';
import { AppError, notFound } from '../../../platform/errors.js';
import {
  advanceCase,
  availableCaseEvents,
  type Case,
  type CaseEvent,
  caseActorOf,
  customerCases,
  decideCase,
  findCaseByNumber,
  loadCasePage,
  openCaseStates,
  postCaseMessage,
  queueCases,
  shipReissue,
  snapshotOfCase,
  userRolesFor,
} from '../../after-sales/index.js';
import { buyerOf, readerOf, staffActor } from '../api-caller.js';
import { idempotent } from '../idempotency.js';
import {
  caseDetail,
  caseEventParams,
  caseListQuery,
  caseMessageBody,
  caseNumberParams,
  casePage,
  decideBody,
  noteBody,
  shipReissueBody,
} from './case.schemas.js';
import { problems } from './responses.js';

/** Who sees the case queues and case pages on the staff side (the page's own list). */
const caseViewers = ['support', 'warehouse'] as const;
const decideEvents = { reissue: 'decideReissue', repair: 'decideRepair', reject: 'rejectCase' } as const;
const iso = (d: Date) => d.toISOString();

/**
 * After-sales cases: support's queue and the buyer's own list, one case as its pages show it,
 * and the transitions of the case machine the caller's role may fire, each through the action
 * the case pages use. A buyer reaching another buyer's case gets 404.
 */
export async function caseApi(base: FastifyInstance, { db, actions }: { db: Db; actions: ActionContext }) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const tags = ['after-sales'];

  /** The case for this caller: staff (a viewer role) any, a buyer its own. */
  async function load(req: FastifyRequest, number: string): Promise<{ c: Case; actors: CurrentUser[] }> {
    const buyer = buyerOf(req);
    const actors = buyer ? [buyer] : staffViewers(req);
    const c = await findCaseByNumber(db, number);
    if (!c || (buyer && c.customerId !== buyer.id)) throw notFound();
    return { c, actors };
  }
  /** Every role of a token that may see cases, so `nextActions` names all it may do. */
  function staffViewers(req: FastifyRequest) {
    staffActor(req, caseViewers);
    return readerOf(req).actors.filter((a) => a.role === 'admin' || caseViewers.some((r) => r === a.role));
  }

  async function detail(c: Case, actors: CurrentUser[]) {
    const d = await loadCasePage(db, c, actors[0]!);
    const staff = actors[0]!.role !== 'customer';
    const next = new Set<CaseEvent>(d.actions);
    const snapshot = snapshotOfCase(c, d.lines);
    for (const a of actors.slice(1)) for (const e of availableCaseEvents(snapshot, caseActorOf(a))) next.add(e);
    return {
      number: c.number,
      orderNumber: d.order.number,
      type: c.type,
      status: c.status,
      description: c.description,
      standardResolution: c.standardResolution,
      resolution: c.resolution,
      rejectionReason: c.rejectionReason,
      reissueCarrier: c.reissueCarrier,
      reissueTracking: c.reissueTracking,
      dueAt: c.dueAt ? iso(c.dueAt) : null,
      createdAt: iso(c.createdAt),
      lines: d.lines.map((l) => ({
        orderLineId: l.orderLineId,
        sku: l.sku,
        name: l.name,
        quantity: l.quantity,
        serialNumber: l.serialNumber,
      })),
      timeline: d.events.map((e) => ({
        event: e.event,
        fromStatus: e.fromStatus,
        toStatus: e.toStatus,
        actorRole: e.actorRole,
        via: staff ? e.via : null,
        note: e.note,
        at: iso(e.createdAt),
      })),
      messages: d.messages.map((m) => ({ fromStaff: m.fromStaff, body: m.body, at: iso(m.createdAt) })),
      nextActions: [...next],
    };
  }
  /** After a change: the case as it now is. */
  const fresh = async (req: FastifyRequest, number: string) => {
    const { c, actors } = await load(req, number);
    return detail(c, actors);
  };
  const changed = { 200: caseDetail, ...problems(400, 401, 403, 404, 409, 422, 429) };

  app.get(
    '/cases',
    {
      schema: {
        tags,
        summary: 'List after-sales cases',
        description:
          'Staff (support, warehouse): a queue, soonest promise first, 100 at most. A buyer: their own cases.',
        querystring: caseListQuery,
        response: { 200: casePage, ...problems(400, 401, 403, 429) },
      },
    },
    async (req) => {
      const buyer = buyerOf(req);
      if (!buyer) staffViewers(req);
      const q = req.query.queue;
      const rows = buyer
        ? await customerCases(db, buyer.id)
        : await queueCases(
            db,
            q === 'overdue' ? { overdueAt: new Date() } : { states: q === 'open' ? openCaseStates : [q] },
          );
      return {
        items: rows.map((r) => ({
          number: r.number,
          type: r.type,
          status: r.status,
          dueAt: r.dueAt ? iso(r.dueAt) : null,
          createdAt: iso(r.createdAt),
        })),
      };
    },
  );

  app.get(
    '/cases/:number',
    {
      schema: {
        tags,
        summary: 'Get a case',
        description: 'Lines, timeline, thread and the next possible events for the caller.',
        params: caseNumberParams,
        response: { 200: caseDetail, ...problems(400, 401, 403, 404, 429) },
      },
    },
    async (req) => {
      const { c, actors } = await load(req, req.params.number);
      return detail(c, actors);
    },
  );

  app.post(
    '/cases/:number/events/:event',
    {
      schema: {
        tags,
        summary: 'Fire a case event that carries a note',
        description:
          'Support: startReview, receiveUnit, markRepaired, markUnrepairable, closeCase. The buyer: confirmReissueReceived.',
        params: caseEventParams,
        body: noteBody,
        response: changed,
      },
    },
    async (req, reply) => {
      const { event, number } = req.params;
      const buyer = buyerOf(req);
      const user =
        buyer ??
        staffActor(
          req,
          userRolesFor(event).filter((r) => r !== 'customer'),
        );
      if (buyer && event !== 'confirmReissueReceived') throw new AppError('FORBIDDEN');
      const { c } = await load(req, number);
      await idempotent(db, req, reply, async () => {
        await advanceCase(actions, c, event, caseActorOf(user), { note: req.body.note });
        return { status: 200, body: await fresh(req, number) };
      });
    },
  );

  app.post(
    '/cases/:number/decide',
    {
      schema: {
        tags,
        summary: 'Decide a case (support)',
        description: 'Reissue, repair at an approved repair center, or reject with a reason.',
        params: caseNumberParams,
        body: decideBody,
        response: changed,
      },
    },
    async (req, reply) => {
      const user = staffActor(req, userRolesFor(decideEvents[req.body.kind]));
      const { c } = await load(req, req.params.number);
      await idempotent(db, req, reply, async () => {
        await decideCase(actions, c, caseActorOf(user), req.body);
        return { status: 200, body: await fresh(req, c.number) };
      });
    },
  );

  app.post(
    '/cases/:number/ship-reissue',
    {
      schema: {
        tags,
        summary: 'Ship the replacement (warehouse, support)',
        params: caseNumberParams,
        body: shipReissueBody,
        response: changed,
      },
    },
    async (req, reply) => {
      const user = staffActor(req, userRolesFor('shipReissue'));
      const { c } = await load(req, req.params.number);
      await idempotent(db, req, reply, async () => {
        await shipReissue(actions, c, caseActorOf(user), req.body.carrier, req.body.tracking);
        return { status: 200, body: await fresh(req, c.number) };
      });
    },
  );

  app.post(
    '/cases/:number/messages',
    {
      schema: {
        tags,
        summary: 'Post a message on the case’s thread',
        description: 'Staff or the case’s buyer; the other side is mailed. (Photos and videos: on the case page.)',
        params: caseNumberParams,
        body: caseMessageBody,
        response: { 201: caseDetail, ...problems(400, 401, 403, 404, 409, 422, 429) },
      },
    },
    async (req, reply) => {
      const { c, actors } = await load(req, req.params.number);
      await idempotent(db, req, reply, async () => {
        await postCaseMessage(actions, c, actors[0]!, req.body.body, []);
        return { status: 201, body: await fresh(req, c.number) };
      });
    },
  );
}
