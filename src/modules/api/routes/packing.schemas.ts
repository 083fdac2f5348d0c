import { z } from 'zod';
import { hashrateUnits } from '../../catalog/index.js';
import { parseSealNumbers, SERIAL_NUMBER, TRACKING_NUMBER } from '../../packing/index.js';
import { carriers } from '../../shipping/index.js';
import { orderNumberParams } from './order.schemas.js';

const id = z.int().positive().max(2_147_483_647);
const reason = z
  .string()
  .trim()
  .max(1000)
  .optional()
  .describe('Required once the order has shipped: evidence added then is a correction and says why');

export const parcelParams = orderNumberParams.extend({
  parcelId: z.coerce.number().int().positive().max(2_147_483_647),
});

export const parcelBody = z
  .strictObject({
    seals: z
      .array(z.string().trim().min(1).max(64))
      .min(1)
      .max(50)
      // The form's own rule for seal numbers (letters, digits, . / _ -), duplicates dropped.
      .transform((seals, ctx) => {
        const parsed = parseSealNumbers(seals.join('\n'));
        if (!parsed) ctx.addIssue({ code: 'custom', message: 'packing.sealInvalid' });
        return parsed ?? [];
      })
      .describe('The tamper-evident seal numbers on this parcel'),
    reason,
  })
  .meta({ id: 'NewParcel' });

export const unitBody = z
  .strictObject({
    parcelId: id,
    orderLineId: id,
    serialNumber: z.string().trim().min(1).max(64).regex(SERIAL_NUMBER),
    burnIn: z
      .strictObject({
        hashrate: z.number().min(0).max(1e9),
        unit: z.enum(hashrateUnits),
        hours: z.number().min(0).max(1e9),
        passed: z.boolean(),
      })
      .optional()
      .describe('Miners only, and required for them'),
    correctsUnitId: id.optional().describe('Replaces a unit recorded before (the old one stays on record)'),
    reason,
  })
  .meta({ id: 'NewUnit' });

export const shipBody = z
  .strictObject({
    carrier: z.enum(carriers),
    trackingNumbers: z.array(z.string().regex(TRACKING_NUMBER)).min(1).max(20).describe('One per parcel'),
  })
  .meta({ id: 'Shipment' });

const at = z.iso.datetime({ offset: true });

export const packingRecord = z
  .object({
    lines: z.array(
      z.object({
        id: z.int(),
        sku: z.string(),
        name: z.string(),
        quantity: z.int(),
        kind: z.string().describe('miner, psu and hashboard units need a serial; miners a burn-in too'),
      }),
    ),
    parcels: z.array(
      z.object({
        id: z.int(),
        position: z.int(),
        sealNumbers: z.array(z.string()),
        correctionReason: z.string().nullable(),
        files: z.array(z.object({ id: z.int(), kind: z.string(), mimeType: z.string(), sha256: z.string() })),
        units: z.array(
          z.object({
            id: z.int(),
            orderLineId: z.int(),
            serialNumber: z.string(),
            burnInPassed: z.boolean().nullable(),
            replacedBy: z.int().nullable(),
            createdAt: at,
          }),
        ),
      }),
    ),
    gaps: z.array(z.string()).describe('What is still missing before the order may ship; empty when complete'),
  })
  .meta({ id: 'PackingRecord' });

export const packingFilesFields = z.strictObject({ reason });
export const packingFilesBody = packingFilesFields
  .extend({ files: z.array(z.file()).min(1).max(10).describe('Photos (JPEG, PNG, WebP) and videos (MP4, MOV, WebM)') })
  .meta({ id: 'PackingFiles' });
