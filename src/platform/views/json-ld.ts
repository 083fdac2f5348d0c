import type { BreadcrumbList, Organization, WithContext } from 'schema-dts';
import type { PageContext } from '../http/page-context.js';
import { absoluteUrl } from './seo-head.js';

/** A trail of links as schema.org BreadcrumbList: names are plain text, paths unprefixed. */
export function breadcrumbList(
  ctx: Pick<PageContext, 'publicUrl' | 'href'>,
  trail: readonly { name: string; path: string }[],
): WithContext<BreadcrumbList> {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: trail.map((step, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      name: step.name,
      item: absoluteUrl(ctx, ctx.href(step.path)),
    })),
  };
}

/** The shop's public contact as the help pages show it: the seller's name and WhatsApp number (settings). */
export interface ShopContact {
  name: string;
  /** As staff typed it ("+852 9000 0000"); empty when unset. */
  whatsapp: string;
}

export function organization(ctx: Pick<PageContext, 'publicUrl'>, shop: ShopContact): WithContext<Organization> {
  const whatsapp = shop.whatsapp.replace(/\D/g, '');
  return {
    '@context': 'https://schema.org',
    '@type': 'Organization',
    name: shop.name,
    url: `${ctx.publicUrl}/`,
    logo: `${ctx.publicUrl}/assets/favicon.svg`,
    contactPoint: whatsapp
      ? [
          {
            '@type': 'ContactPoint',
            contactType: 'customer support',
            telephone: `+${whatsapp}`,
            url: `https://wa.me/${whatsapp}`,
          },
        ]
      : [],
  };
}
