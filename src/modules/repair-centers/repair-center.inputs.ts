import { z } from 'zod';
import { isCountryCode } from '../../platform/countries.js';
import { parseBrands, services } from './repair-center.rules.js';

const text = (max: number, required = true) =>
  required
    ? z
        .string({ message: 'field.required' })
        .trim()
        .min(1, { message: 'field.required' })
        .max(max, { message: 'field.tooLong' })
    : z.preprocess((v) => (v === undefined ? '' : v), z.string().trim().max(max, { message: 'field.tooLong' }));

/** Optional coordinate: blank means "not given"; anything else must be a number in range. */
const coordinate = (limit: number, message: 'field.latitudeRange' | 'field.longitudeRange') =>
  z.preprocess(
    (v) =>
      v === undefined || (typeof v === 'string' && v.trim() === '') ? null : typeof v === 'string' ? v.trim() : v,
    z.union([
      z.null(),
      z
        .string()
        .regex(/^-?\d{1,3}(\.\d+)?$/, { message })
        .transform(Number)
        .pipe(z.number().min(-limit, { message }).max(limit, { message })),
    ]),
  );

const phone = (required: boolean) =>
  z.preprocess(
    (v) => (typeof v === 'string' ? v.trim() : v === undefined ? '' : v),
    z
      .string()
      .max(40, { message: 'field.tooLong' })
      .superRefine((v, ctx) => {
        if (v === '') {
          if (required) ctx.addIssue({ code: 'custom', message: 'field.required' });
        } else if (!/^\+?[0-9 ()./-]{6,}$/.test(v) || v.replace(/\D/g, '').length < 6) {
          ctx.addIssue({ code: 'custom', message: 'field.phoneInvalid' });
        }
      }),
  );

const asList = (v: unknown) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** The repair-center form. Unknown fields (status, ownerId, …) are dropped. */
export const repairCenterForm = z
  .object({
    name: text(120),
    country: z
      .string({ message: 'field.required' })
      .trim()
      .toUpperCase()
      .refine(isCountryCode, { message: 'field.countryInvalid' }),
    city: text(120),
    address: text(300),
    phone: phone(true),
    whatsapp: phone(false),
    email: z
      .string({ message: 'field.required' })
      .trim()
      .max(200, { message: 'field.tooLong' })
      .pipe(z.email({ message: 'field.emailInvalid' })),
    brands: z
      .preprocess((v) => (typeof v === 'string' ? v : ''), z.string().max(500, { message: 'field.tooLong' }))
      .transform(parseBrands)
      .refine((b) => b.length > 0, { message: 'field.brandsRequired' }),
    models: text(500, false),
    services: z
      .preprocess(asList, z.array(z.enum(services, { message: 'field.invalid' })).max(services.length))
      .transform((s) => [...new Set(s)]),
    openingHours: text(200, false),
    website: z.preprocess(
      (v) => (typeof v === 'string' ? v.trim() : ''),
      z
        .string()
        .max(300, { message: 'field.tooLong' })
        .refine((v) => v === '' || /^https?:\/\/[^\s<>"]+\.[^\s<>"]+$/i.test(v), { message: 'field.urlInvalid' }),
    ),
    description: text(1000, false),
    lat: coordinate(90, 'field.latitudeRange'),
    lng: coordinate(180, 'field.longitudeRange'),
    removePhotos: z.preprocess(asList, z.array(z.string().max(200))).default([]),
  })
  .superRefine((v, ctx) => {
    // A location is both coordinates or none.
    if ((v.lat === null) !== (v.lng === null))
      ctx.addIssue({ code: 'custom', path: [v.lat === null ? 'lat' : 'lng'], message: 'field.coordinatesPair' });
  });

export type RepairCenterForm = z.infer<typeof repairCenterForm>;

export const reviewForm = z.object({
  revision: z.coerce.number().int().positive(),
  reason: z.preprocess((v) => (v === undefined ? '' : v), z.string().trim().max(1000, { message: 'field.tooLong' })),
});

export const withdrawForm = z.object({
  withdrawReason: z.string().trim().min(1, { message: 'field.reasonRequired' }).max(1000, { message: 'field.tooLong' }),
});

export const directoryQuery = z.object({
  country: z.string().trim().toUpperCase().refine(isCountryCode).optional().catch(undefined),
  brand: z.string().trim().min(1).max(80).optional().catch(undefined),
});
