import type { LocalBusiness, WithContext } from 'schema-dts';
import { countryName } from '../../platform/countries.js';
import type { PageContext } from '../../platform/http/page-context.js';
import { plainText } from '../../platform/i18n/index.js';
import type { OpenGraph } from '../../platform/views/seo-head.js';
import { absoluteUrl } from '../../platform/views/seo-head.js';
import type { RepairCenter } from './repair-center.repo.js';
import { whatsappLink } from './repair-center.rules.js';
import { photoUrl } from './views/center-form.js';

/** schema.org LocalBusiness of an approved center: only what its public page shows. */
export function centerJsonLd(ctx: PageContext, c: RepairCenter): WithContext<LocalBusiness> {
  const wa = whatsappLink(c.whatsapp);
  return {
    '@context': 'https://schema.org',
    '@type': 'LocalBusiness',
    name: c.name,
    url: absoluteUrl(ctx, ctx.href(`/asic-miner-repair/${c.id}`)),
    address: {
      '@type': 'PostalAddress',
      streetAddress: c.address,
      addressLocality: c.city,
      addressCountry: c.country,
    },
    telephone: c.phone,
    email: c.email,
    ...(c.openingHours ? { openingHours: c.openingHours } : {}),
    ...(c.description ? { description: c.description } : {}),
    ...(c.lat != null && c.lng != null
      ? { geo: { '@type': 'GeoCoordinates', latitude: c.lat, longitude: c.lng } }
      : {}),
    ...(c.photos.length ? { image: c.photos.map((k) => absoluteUrl(ctx, photoUrl(k))) } : {}),
    sameAs: [c.website, wa].filter((u): u is string => !!u),
    knowsAbout: c.brands,
  };
}

export function centerDescription(ctx: PageContext, c: RepairCenter) {
  const locale = ctx.i18n.locale;
  const place = `${c.city}, ${countryName(c.country, locale)}`;
  return plainText(locale, 'seo.centerDescription', { name: c.name, place, brands: c.brands.join(', ') });
}

export function centerOpenGraph(c: RepairCenter): OpenGraph {
  const photo = c.photos[0];
  return { type: 'business.business', title: c.name, ...(photo ? { image: photoUrl(photo), imageAlt: c.name } : {}) };
}
