import { z } from 'zod';
import { caseEvents, caseStates, caseTypes, noteEvents } from '../../after-sales/index.js';
import { TRACKING_NUMBER } from '../../packing/index.js';
import { carriers } from '../../shipping/index.js';

const at = z.iso.datetime({ offset: true }).describe('ISO 8601 time (UTC)');

export const caseNumberParams = z.strictObject({
  number: z
    .string()
    .regex(/^[A-Z0-9-]{1,40}$/)
    .describe('The case number, e.g. AS-2026-000012'),
});
export const caseEventParams = caseNumberParams.extend({ event: z.enum(noteEvents) });

export const caseListQuery = z.strictObject({
  queue: z
    .enum(['open', 'overdue', ...caseStates])
    .default('open')
    .describe('Staff: the support queue’s tabs (soonest promise first). A buyer’s session lists its own cases'),
});

const caseSummary = z
  .object({
    number: z.string(),
    type: z.enum(caseTypes),
    status: z.enum(caseStates),
    dueAt: at.nullable().describe('The next promise still open'),
    createdAt: at,
  })
  .meta({ id: 'CaseSummary' });
export const casePage = z.object({ items: z.array(caseSummary) }).meta({ id: 'CasePage' });

export const caseDetail = z
  .object({
    number: z.string(),
    orderNumber: z.string(),
    type: z.enum(caseTypes),
    status: z.enum(caseStates),
    description: z.string(),
    standardResolution: z.string(),
    resolution: z.string().nullable(),
    rejectionReason: z.string().nullable(),
    reissueCarrier: z.string().nullable(),
    reissueTracking: z.string().nullable(),
    dueAt: at.nullable(),
    createdAt: at,
    lines: z.array(
      z.object({
        orderLineId: z.int(),
        sku: z.string(),
        name: z.string(),
        quantity: z.int(),
        serialNumber: z.string().nullable(),
      }),
    ),
    timeline: z.array(
      z.object({
        event: z.string(),
        fromStatus: z.string().nullable(),
        toStatus: z.string(),
        actorRole: z.string(),
        via: z.string().nullable().describe('"token <name>" when done with an API token; null for a buyer'),
        note: z.string().nullable(),
        at,
      }),
    ),
    messages: z.array(z.object({ fromStaff: z.boolean(), body: z.string(), at })),
    nextActions: z.array(z.enum(caseEvents)).describe('The case events the caller may fire now, from the case machine'),
  })
  .meta({ id: 'Case' });

export const noteBody = z.strictObject({ note: z.string().trim().max(1000).default('') });

export const decideBody = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('reissue'), note: z.string().trim().max(1000).default('') }),
    z.strictObject({
      kind: z.literal('repair'),
      repairCenterId: z.int().positive().max(2_147_483_647).describe('An approved repair center'),
      note: z.string().trim().max(1000).default(''),
    }),
    z.strictObject({ kind: z.literal('reject'), reason: z.string().trim().min(1).max(1000) }),
  ])
  .meta({ id: 'CaseDecision' });

export const shipReissueBody = z.strictObject({
  carrier: z.enum(carriers),
  tracking: z.string().regex(TRACKING_NUMBER),
});
export const caseMessageBody = z.strictObject({ body: z.string().trim().min(1).max(4000) });
