import { z } from 'zod';
import { type CountryCode, countryCodes } from '../../platform/countries.js';

/** Comprehensively embargoed destinations, excluded from the default shipping list. */
/** Until staff set their own: hours to pay once quoted, days after delivery before an order completes itself. */
const DEFAULT_PAYMENT_DEADLINE_HOURS = 72;
const DEFAULT_AUTO_COMPLETE_DAYS = 15;

export const embargoedCountries: readonly CountryCode[] = ['CU', 'IR', 'KP', 'SY'];

/** Where crypto mining is banned or restricted (default list; staff maintain it). */
export const defaultCryptoRestricted: readonly CountryCode[] = [
  'CN',
  'DZ',
  'BD',
  'EG',
  'MA',
  'NP',
  'QA',
  'TN',
  'IQ',
  'MK',
];

const country = z.enum(countryCodes);

/** Every setting with its default: a missing or invalid stored value falls back to the default. */
export const settingsSchema = {
  sellerName: z.string().min(1).max(200).default('Hashcart Mining Hardware Ltd.'),
  sellerAddress: z.string().max(500).default('Unit 12, 8/F, Tech Tower, 88 Hoi Bun Road, Kwun Tong, Hong Kong'),
  sellerEmail: z.string().email().default('sales@hashcart.example'),
  sellerPhone: z.string().max(40).default('+852 3000 0000'),
  /** The seller's tax or business registration number, printed on the customs papers; empty = not printed. */
  sellerTaxId: z.string().max(60).default(''),
  whatsappNumber: z
    .string()
    .regex(/^\+?[0-9 ()-]{6,24}$/)
    .default('+852 9000 0000'),
  paymentDeadlineHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(DEFAULT_PAYMENT_DEADLINE_HOURS),
  autoCompleteDays: z.number().int().min(4).max(90).default(DEFAULT_AUTO_COMPLETE_DAYS),
  destinations: z.array(country).default(countryCodes.filter((c) => !embargoedCountries.includes(c))),
  cryptoRestricted: z.array(country).default([...defaultCryptoRestricted]),
  cryptoRestrictionMode: z.enum(['warn', 'block']).default('warn'),
};

export type SettingKey = keyof typeof settingsSchema;
export type Settings = { [K in SettingKey]: z.output<(typeof settingsSchema)[K]> };

export function parseSettings(stored: Record<string, unknown>): Settings {
  const out = {} as Record<string, unknown>;
  for (const [key, schema] of Object.entries(settingsSchema)) {
    const parsed = (schema as z.ZodType).safeParse(stored[key]);
    out[key] = parsed.success ? parsed.data : (schema as z.ZodType).parse(undefined);
  }
  return out as Settings;
}

/** Destination check at order submission (DESIGN §4). */
export function destinationCheck(
  s: Settings,
  country: string,
): 'ok' | 'not_shipped' | 'restricted_warn' | 'restricted_block' {
  if (!(s.destinations as string[]).includes(country)) return 'not_shipped';
  if (!(s.cryptoRestricted as string[]).includes(country)) return 'ok';
  return s.cryptoRestrictionMode === 'block' ? 'restricted_block' : 'restricted_warn';
}
