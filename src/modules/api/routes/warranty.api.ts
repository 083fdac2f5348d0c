import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../../platform/db/client.js';
import { notFound } from '../../../platform/errors.js';
import { lookUpWarranty, serialInput, warrantyJson } from '../../warranty/index.js';
import { problems } from './responses.js';

const at = z.iso.datetime({ offset: true });

const warranty = z
  .object({
    found: z.literal(true),
    serial: z.string(),
    brand: z.string(),
    model: z.string(),
    product: z.string(),
    shippedAt: at.nullable(),
    deliveredAt: at.nullable(),
    warrantyDays: z.int(),
    warrantyEndsAt: at.nullable().describe('Null until delivered: the warranty runs from delivery'),
    warrantyState: z.enum(['in_warranty', 'expired', 'not_delivered']),
    inWarranty: z.boolean(),
    cases: z.array(
      z.object({
        number: z.string(),
        type: z.string(),
        state: z.string(),
        openedAt: at,
        closedAt: at.nullable(),
      }),
    ),
    testReport: z
      .object({ url: z.string(), verificationCode: z.string() })
      .nullable()
      .describe('The miner’s burn-in report (PDF), public by its code'),
  })
  .meta({ id: 'Warranty' });

/** The public warranty check by serial: only unit, product and dates, never the buyer or the order. */
export async function warrantyApi(base: FastifyInstance, { db }: { db: Db }) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/warranty/:serial',
    {
      schema: {
        tags: ['warranty'],
        summary: 'Warranty check by serial',
        description:
          'Public, as the warranty page. Serials that find nothing are counted per client address: past 30 in 15 minutes the answer is 429.',
        security: [],
        params: z.strictObject({ serial: serialInput.describe('The unit’s serial number') }),
        response: { 200: warranty, ...problems(400, 404, 429) },
      },
    },
    async (req, reply) => {
      reply.header('x-robots-tag', 'noindex').header('cache-control', 'no-store');
      const answer = warrantyJson(await lookUpWarranty(db, req.ip, req.params.serial));
      if (!answer.found) throw notFound();
      return answer;
    },
  );
}
