/** Help centre rules: which pages exist and the numbers their prose quotes. Pure. */
import { AUTO_COMPLETE_REMINDER_DAYS, LARGE_ORDER_CENTS } from '../orders/index.js';
import { REVIEW_BUSINESS_DAYS } from '../repair-centers/index.js';
import { leadTimes, transitDays } from '../shipping/index.js';
import { afterSalesPolicy } from './policy-numbers.js';

export const helpSlugs = [
  'how-to-buy',
  'payment',
  'shipping',
  'after-sales',
  'repair-centers',
  'terms',
  'contact',
] as const;
export type HelpSlug = (typeof helpSlugs)[number];
export const isHelpSlug = (s: string): s is HelpSlug => (helpSlugs as readonly string[]).includes(s);

export const MAX_HELP_MARKDOWN = 20_000;

/** Settings that prose quotes; staff can change them, so they are read per request. */
export interface HelpSettings {
  paymentDeadlineHours: number;
  autoCompleteDays: number;
  whatsappNumber: string;
}

/**
 * Every `{{name}}` a help page may use, from the constants the code itself runs on —
 * so the help text and the behaviour cannot disagree. Admin-edited prose uses them too.
 */
export function helpNumbers(s: HelpSettings, formatUsd: (cents: number) => string): Record<string, string> {
  const n = (v: number) => String(v);
  return {
    inStockMin: n(leadTimes.inStock.min),
    inStockMax: n(leadTimes.inStock.max),
    outOfStockMin: n(leadTimes.outOfStock.min),
    outOfStockMax: n(leadTimes.outOfStock.max),
    testingDays: n(leadTimes.testing.max),
    unitsPerExtraTestingDay: n(leadTimes.unitsPerExtraTestingDay),
    trackingOverdueDays: n(leadTimes.trackingOverdueDays),
    airExpressMin: n(transitDays.air_express.min),
    airExpressMax: n(transitDays.air_express.max),
    airFreightMin: n(transitDays.air_freight.min),
    airFreightMax: n(transitDays.air_freight.max),
    seaFreightMin: n(transitDays.sea_freight.min),
    seaFreightMax: n(transitDays.sea_freight.max),
    landFreightMin: n(transitDays.land_freight.min),
    landFreightMax: n(transitDays.land_freight.max),
    largeOrder: formatUsd(LARGE_ORDER_CENTS),
    paymentDeadlineHours: n(s.paymentDeadlineHours),
    autoCompleteDays: n(s.autoCompleteDays),
    autoCompleteReminderDays: n(AUTO_COMPLETE_REMINDER_DAYS),
    afterSalesConfirmDays: n(afterSalesPolicy.generalConfirmDays),
    afterSalesReissueDays: n(afterSalesPolicy.generalReissueShipDays),
    repairCenterAssignDays: n(afterSalesPolicy.repairCenterAssignDays),
    reviewDaysMin: n(REVIEW_BUSINESS_DAYS.min),
    reviewDaysMax: n(REVIEW_BUSINESS_DAYS.max),
    whatsappNumber: s.whatsappNumber,
  };
}

/** Replaces `{{name}}` with its value; unknown names are left visible so an editor notices. */
export const fillPlaceholders = (markdown: string, values: Record<string, string>) =>
  markdown.replace(/\{\{\s*(\w+)\s*\}\}/g, (m, name: string) =>
    Object.hasOwn(values, name) ? (values[name] ?? m) : m,
  );
