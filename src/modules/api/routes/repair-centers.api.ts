import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../../platform/db/client.js';
import {
  approveRepairCenter,
  listCentersForStaff,
  rejectRepairCenter,
  repairCenterStatuses,
  submittedVersion,
} from '../../repair-centers/index.js';
import { staffActor } from '../api-caller.js';
import { idempotent } from '../idempotency.js';
import { problems } from './responses.js';

/** The page's role (repair-center-admin.routes.tsx): support; admin passes. */
const REVIEW_ROLES = ['support'] as const;
const at = z.iso.datetime({ offset: true });
const id = z.coerce.number().int().positive().max(2_147_483_647);

const centerForReview = z
  .object({
    id: z.int(),
    status: z.enum(repairCenterStatuses),
    revision: z.int().describe('Send it back with the decision: the version you read is the one decided'),
    isEdit: z.boolean().describe('An edit of a published center (its approved version stays public meanwhile)'),
    name: z.string(),
    country: z.string(),
    city: z.string(),
    address: z.string(),
    phone: z.string(),
    whatsapp: z.string(),
    email: z.string(),
    website: z.string(),
    brands: z.array(z.string()),
    services: z.array(z.string()),
    ownerEmail: z.string(),
    rejectionReason: z.string().nullable(),
    submittedAt: at,
    reviewedAt: at.nullable(),
  })
  .meta({ id: 'RepairCenterReview' });

const decided = z.object({ id: z.int(), status: z.enum(repairCenterStatuses) }).meta({ id: 'RepairCenterDecision' });

/** Repair-center review (support): the submissions, and approving or rejecting one. */
export async function repairCenterApi(base: FastifyInstance, { db, publicUrl }: { db: Db; publicUrl: string }) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const tags = ['repair centers'];

  app.get(
    '/repair-centers',
    {
      schema: {
        tags,
        summary: 'List repair centers (support)',
        description: 'Newest first, 50 a page; `status=in_review` is the review queue. Follow `next` as `after`.',
        querystring: z.strictObject({ status: z.enum(repairCenterStatuses).optional(), after: id.optional() }),
        response: {
          200: z.object({ items: z.array(centerForReview), next: z.string().optional() }),
          ...problems(400, 401, 403, 429),
        },
      },
    },
    async (req) => {
      staffActor(req, REVIEW_ROLES);
      const page = await listCentersForStaff(db, req.query);
      return {
        items: page.rows.map(({ center: c, ownerEmail }) => {
          const v = submittedVersion(c);
          return {
            id: c.id,
            status: c.status,
            revision: c.revision,
            isEdit: c.publishedAt !== null,
            name: v.name,
            country: v.country,
            city: v.city,
            address: v.address,
            phone: v.phone,
            whatsapp: v.whatsapp,
            email: v.email,
            website: v.website,
            brands: v.brands,
            services: v.services,
            ownerEmail,
            rejectionReason: c.rejectionReason,
            submittedAt: c.submittedAt.toISOString(),
            reviewedAt: c.reviewedAt?.toISOString() ?? null,
          };
        }),
        next: page.next === undefined ? undefined : String(page.next),
      };
    },
  );

  const params = z.strictObject({ id });
  const revision = z.int().positive().describe('The `revision` of the version reviewed');
  app.post(
    '/repair-centers/:id/approve',
    {
      schema: {
        tags,
        summary: 'Approve a repair center (support)',
        description: 'Publishes the reviewed revision in the public directory; the owner is told. 409 if it changed.',
        params,
        body: z.strictObject({ revision }),
        response: { 200: decided, ...problems(400, 401, 403, 404, 409, 429) },
      },
    },
    async (req, reply) => {
      const reviewer = staffActor(req, REVIEW_ROLES);
      await idempotent(db, req, reply, async () => {
        await approveRepairCenter(db, reviewer, req.params.id, req.body.revision, publicUrl);
        return { status: 200, body: { id: req.params.id, status: 'approved' as const } };
      });
    },
  );

  app.post(
    '/repair-centers/:id/reject',
    {
      schema: {
        tags,
        summary: 'Reject a repair center (support)',
        description: 'Sends the submission back with the reason the owner reads; a published version stays public.',
        params,
        body: z.strictObject({ revision, reason: z.string().min(1).max(1000) }),
        response: { 200: decided, ...problems(400, 401, 403, 404, 409, 422, 429) },
      },
    },
    async (req, reply) => {
      const reviewer = staffActor(req, REVIEW_ROLES);
      await idempotent(db, req, reply, async () => {
        const reason = req.body.reason.trim();
        await rejectRepairCenter(db, reviewer, req.params.id, req.body.revision, reason, publicUrl);
        return { status: 200, body: { id: req.params.id, status: 'rejected' as const } };
      });
    },
  );
}
