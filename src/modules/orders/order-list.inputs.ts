import { z } from 'zod';
import { countryCodes } from '../../platform/countries.js';
import { orderStates } from './order.machine.js';
import { shippingMethods } from './order.rules.js';

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'field.filterDate' })
  .refine(
    (v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
    { message: 'field.filterDate' },
  );
/** A page boundary: the row's created_at in microseconds since the epoch, then its id. */
const cursor = z
  .string()
  .regex(/^\d{1,17}-\d{1,10}$/, { message: 'field.filterCursor' })
  .transform((v) => {
    const [micros, id] = v.split('-');
    return { micros: micros!, id: Number(id) };
  });

/**
 * The all-orders list's filters. Strict: a misspelt or unknown filter, or a value outside
 * its list, is refused (400 with the message) instead of quietly listing something else.
 * The API validates its query string with these (and documents them from them).
 */
export const orderListFilters = z.strictObject(
  {
    state: z.enum(orderStates, { message: 'field.filterChoice' }).optional(),
    payment: z.coerce
      .number({ message: 'field.filterChoice' })
      .int({ message: 'field.filterChoice' })
      .positive({ message: 'field.filterChoice' })
      .max(2_147_483_647, { message: 'field.filterChoice' })
      .optional(),
    shipping: z.enum(shippingMethods, { message: 'field.filterChoice' }).optional(),
    country: z.enum(countryCodes, { message: 'field.filterChoice' }).optional(),
    from: day.optional(),
    to: day.optional(),
    overdue: z.literal('1', { message: 'field.filterChoice' }).optional(),
    after: cursor.optional(),
    before: cursor.optional(),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? 'field.filterUnknown' : undefined) },
);

/** The all-orders page's query string: the filters, where empty values (a select left on "Any") mean "no filter". */
export const orderListInput = z.preprocess(
  (q) => Object.fromEntries(Object.entries((q ?? {}) as Record<string, unknown>).filter(([, v]) => v !== '')),
  orderListFilters,
);

export type OrderListQuery = z.output<typeof orderListInput>;
