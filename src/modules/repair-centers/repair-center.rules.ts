/** Pure repair-center rules: statuses, services, the nearest-center ranking. No IO. */
import { countries } from '../../platform/countries.js';

/** `withdrawn`: support took an approved center off the directory; the owner may correct it and resubmit. */
export const statuses = ['in_review', 'approved', 'rejected', 'withdrawn'] as const;
export type RepairCenterStatus = (typeof statuses)[number];

export const services = ['hash_board', 'psu', 'control_board', 'chip_level', 'firmware', 'testing'] as const;
export type RepairService = (typeof services)[number];

export const MAX_PHOTOS = 6;
/** Review target shown to the owner (DESIGN §4). */
export const REVIEW_BUSINESS_DAYS = { min: 1, max: 3 } as const;

/** What `wa.me` accepts: the international number, digits only. Empty when there is nothing to dial. */
export const whatsappDigits = (phone: string | null | undefined) => (phone ?? '').replace(/\D/g, '');

export function whatsappLink(phone: string | null | undefined, text?: string): string | undefined {
  const digits = whatsappDigits(phone);
  if (digits.length < 6) return undefined;
  return `https://wa.me/${digits}${text ? `?text=${encodeURIComponent(text)}` : ''}`;
}

export interface Point {
  lat: number;
  lng: number;
}

const EARTH_RADIUS_KM = 6371.0088;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in kilometres (haversine). */
export function haversineKm(a: Point, b: Point): number {
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The given coordinates, else the country's centroid, else nothing. */
export function locate(p: { country: string; lat?: number | null; lng?: number | null }): Point | undefined {
  if (p.lat != null && p.lng != null) return { lat: p.lat, lng: p.lng };
  const c = countries.get(p.country.toUpperCase());
  return c ? { lat: c.lat, lng: c.lng } : undefined;
}

export interface RankableCenter {
  country: string;
  lat: number | null;
  lng: number | null;
  brands: readonly string[];
}

export interface Destination {
  country: string;
  lat?: number | null;
  lng?: number | null;
}

export const servicesBrand = (c: { brands: readonly string[] }, brand: string) => {
  const b = brand.trim().toLowerCase();
  return c.brands.some((x) => x.trim().toLowerCase() === b);
};

/**
 * Orders centers for a destination: same country first, then by great-circle distance
 * (coordinates, or the country centroid when missing); centers that cannot be placed go
 * last. With a brand, only centers servicing it are kept. Stable for equal distances.
 */
export function rankRepairCenters<C extends RankableCenter>(
  centers: readonly C[],
  destination: Destination,
  brand?: string,
): (C & { distanceKm: number | null; sameCountry: boolean })[] {
  const country = destination.country.toUpperCase();
  const here = locate(destination);
  return centers
    .filter((c) => !brand || servicesBrand(c, brand))
    .map((c, i) => {
      const there = locate(c);
      const distanceKm = here && there ? haversineKm(here, there) : null;
      return { c, i, distanceKm, sameCountry: c.country.toUpperCase() === country };
    })
    .sort(
      (a, b) =>
        Number(b.sameCountry) - Number(a.sameCountry) ||
        (a.distanceKm ?? Number.POSITIVE_INFINITY) - (b.distanceKm ?? Number.POSITIVE_INFINITY) ||
        a.i - b.i,
    )
    .map(({ c, distanceKm, sameCountry }) => ({ ...c, distanceKm, sameCountry }));
}

/** Brands typed as "Bitmain, MicroBT; canaan": trimmed, de-duplicated ignoring case, at most 20. */
export function parseBrands(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of text.split(/[,;\n]/)) {
    const b = raw.trim().replace(/\s+/g, ' ');
    if (b && !seen.has(b.toLowerCase())) {
      seen.add(b.toLowerCase());
      out.push(b);
    }
  }
  return out.slice(0, 20);
}
