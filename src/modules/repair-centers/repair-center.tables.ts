import { sql } from 'drizzle-orm';
import { check, doublePrecision, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from '../accounts/account.tables.js';
import { statuses } from './repair-center.rules.js';

/** The fields an owner submits; also the shape of a pending edit of an approved center. */
export interface RepairCenterDetails {
  name: string;
  country: string;
  city: string;
  address: string;
  phone: string;
  whatsapp: string;
  email: string;
  brands: string[];
  models: string;
  services: string[];
  openingHours: string;
  website: string;
  description: string;
  lat: number | null;
  lng: number | null;
  /** Storage keys of the photos, in display order. */
  photos: string[];
}

/**
 * Repair centers submitted by users. The detail columns hold the current version:
 * public once `published_at` is set (an approved version exists). An edit of a
 * published center goes to `pending` and waits for review while the approved
 * version stays public; approval copies it over. `revision` grows with every
 * submission, so a reviewer approves exactly the version they read.
 */
export const repairCenters = pgTable(
  'repair_centers',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    ownerId: integer()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    status: text({ enum: statuses }).notNull().default('in_review'),
    revision: integer().notNull().default(1),
    name: text().notNull(),
    country: text().notNull(),
    city: text().notNull(),
    address: text().notNull(),
    phone: text().notNull(),
    whatsapp: text().notNull().default(''),
    email: text().notNull(),
    brands: text().array().notNull().default(sql`'{}'::text[]`),
    models: text().notNull().default(''),
    services: text().array().notNull().default(sql`'{}'::text[]`),
    openingHours: text().notNull().default(''),
    website: text().notNull().default(''),
    description: text().notNull().default(''),
    lat: doublePrecision(),
    lng: doublePrecision(),
    photos: text().array().notNull().default(sql`'{}'::text[]`),
    pending: jsonb().$type<RepairCenterDetails>(),
    rejectionReason: text(),
    submittedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    reviewedAt: timestamp({ withTimezone: true }),
    reviewedBy: integer().references(() => users.id, { onDelete: 'set null' }),
    publishedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('repair_centers_status_check', sql.raw(`status in (${statuses.map((s) => `'${s}'`).join(', ')})`)),
    check('repair_centers_lat_check', sql`lat is null or (lat between -90 and 90)`),
    check('repair_centers_lng_check', sql`lng is null or (lng between -180 and 180)`),
    check('repair_centers_photos_check', sql`cardinality(photos) <= 6`),
    index('repair_centers_owner_idx').on(t.ownerId, t.id),
    index('repair_centers_queue_idx').on(t.status, t.submittedAt),
    index('repair_centers_public_idx').on(t.country, t.publishedAt),
  ],
);
