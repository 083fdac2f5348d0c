import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, pgSequence, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from '../accounts/account.tables.js';
import { orderLines, orders } from '../orders/order.tables.js';
import { repairCenters } from '../repair-centers/repair-center.tables.js';
import { caseStates, caseTypes, resolutions } from './case.states.js';

const oneOf = (column: string, values: readonly string[]) =>
  sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(', ')})`);

/** After-sales cases on completed orders. `dueAt` is the next promise still open (null when none): the queue sorts by it. */
export const afterSalesCases = pgTable(
  'after_sales_cases',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    number: text().notNull().unique(),
    orderId: integer()
      .notNull()
      .references(() => orders.id),
    customerId: integer()
      .notNull()
      .references(() => users.id),
    type: text({ enum: caseTypes }).notNull(),
    status: text({ enum: caseStates }).notNull().default('submitted'),
    description: text().notNull(),
    /** The policy's standard resolution when the case was opened. */
    standardResolution: text({ enum: resolutions }).notNull(),
    /** What support decided. */
    resolution: text({ enum: resolutions }),
    repairCenterId: integer().references(() => repairCenters.id),
    rejectionReason: text(),
    reissueCarrier: text(),
    reissueTracking: text(),
    decisionDueAt: timestamp({ withTimezone: true }).notNull(),
    reissueDueAt: timestamp({ withTimezone: true }),
    /** The repair center's clocks, started when it receives the unit (case.policy.ts). */
    unitReceivedAt: timestamp({ withTimezone: true }),
    diagnosisDueAt: timestamp({ withTimezone: true }),
    diagnosedAt: timestamp({ withTimezone: true }),
    repairDueAt: timestamp({ withTimezone: true }),
    dueAt: timestamp({ withTimezone: true }),
    /** When support was alerted that `due_at` passed; cleared with every new promise. */
    overdueAlertedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp({ withTimezone: true }),
    /** The case form's one-time token: a resubmitted form finds the case it already opened. */
    submissionToken: text().unique(),
  },
  (t) => [
    check('after_sales_cases_status_check', oneOf('status', caseStates)),
    check('after_sales_cases_type_check', oneOf('type', caseTypes)),
    index('after_sales_cases_customer_idx').on(t.customerId, t.createdAt, t.id),
    index('after_sales_cases_order_idx').on(t.orderId),
    index('after_sales_cases_queue_idx').on(t.status, t.dueAt, t.id),
    // The dashboard's after-sales promises read the cases opened in a period.
    index('after_sales_cases_created_idx').on(t.createdAt),
    // The repair portal lists the cases routed to a center's owner.
    index('after_sales_cases_center_idx').on(t.repairCenterId),
  ],
);

/** The order lines (and units) a case is about. */
export const caseLines = pgTable(
  'after_sales_case_lines',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    caseId: integer()
      .notNull()
      .references(() => afterSalesCases.id, { onDelete: 'cascade' }),
    orderLineId: integer()
      .notNull()
      .references(() => orderLines.id),
    quantity: integer().notNull(),
    /** Checked against the units shipped on the order. */
    serialNumber: text(),
  },
  (t) => [
    index('after_sales_case_lines_case_idx').on(t.caseId),
    check('after_sales_case_lines_quantity_check', sql`quantity > 0`),
  ],
);

/** Append-only: the case timeline and audit log. */
export const caseEvents = pgTable(
  'after_sales_case_events',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    caseId: integer()
      .notNull()
      .references(() => afterSalesCases.id, { onDelete: 'cascade' }),
    event: text().notNull(),
    fromStatus: text(),
    toStatus: text().notNull(),
    actorId: integer().references(() => users.id),
    actorRole: text().notNull(),
    /** How the actor acted when not in person, e.g. "token ERP sync" (an API token), as on `order_events`. */
    via: text(),
    note: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('after_sales_case_events_case_idx').on(t.caseId, t.id)],
);

export const caseMessages = pgTable(
  'after_sales_case_messages',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    caseId: integer()
      .notNull()
      .references(() => afterSalesCases.id, { onDelete: 'cascade' }),
    authorId: integer()
      .notNull()
      .references(() => users.id),
    fromStaff: boolean().notNull(),
    body: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('after_sales_case_messages_case_idx').on(t.caseId, t.id)],
);

/**
 * The customer's (and support's) photos, videos and documents on a case; `messageId` when sent
 * with a message, `eventId` when they show a step on the timeline (a repair center's diagnosis).
 */
export const caseFiles = pgTable(
  'after_sales_case_files',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    caseId: integer()
      .notNull()
      .references(() => afterSalesCases.id, { onDelete: 'cascade' }),
    messageId: integer().references(() => caseMessages.id, { onDelete: 'cascade' }),
    eventId: integer().references(() => caseEvents.id, { onDelete: 'cascade' }),
    kind: text({ enum: ['photo', 'video'] }).notNull(),
    fileKey: text().notNull(),
    previewKey: text(),
    mimeType: text().notNull(),
    sizeBytes: bigint({ mode: 'number' }).notNull(),
    sha256: text().notNull(),
    uploadedBy: integer()
      .notNull()
      .references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('after_sales_case_files_case_idx').on(t.caseId, t.id)],
);

/** Case numbers AS-<year>-<6 digits>. */
export const caseNumberSeq = pgSequence('after_sales_case_number_seq');
