import { countryName } from '../../../platform/countries.js';
import type { PageContext } from '../../../platform/http/page-context.js';
import type { RepairCenter } from '../repair-center.repo.js';
import { whatsappLink } from '../repair-center.rules.js';
import type { RepairCenterDetails } from '../repair-center.tables.js';
import { photoUrl } from './center-form.js';

/** The status an owner or reviewer sees, in the shared status colours (waiting on staff: blue). */
export function StatusBadge({ ctx, c }: { ctx: PageContext; c: Pick<RepairCenter, 'status' | 'publishedAt'> }) {
  const { t } = ctx;
  if (c.status === 'approved') return <span class="badge done">{t('repair.status.approved')}</span>;
  if (c.status === 'withdrawn') return <span class="badge problem">{t('repair.status.withdrawn')}</span>;
  if (c.status === 'rejected')
    return (
      <span class="badge problem">{t(c.publishedAt ? 'repair.status.editRejected' : 'repair.status.rejected')}</span>
    );
  return <span class="badge staff">{t(c.publishedAt ? 'repair.status.editInReview' : 'repair.status.in_review')}</span>;
}

/** Contacts, services and photos of one version of a center. Every user value is escaped. */
export function CenterDetails({
  ctx,
  d,
  headingLevel = 2,
}: {
  ctx: PageContext;
  d: RepairCenterDetails;
  headingLevel?: 2 | 3;
}) {
  const { t } = ctx;
  const wa = whatsappLink(d.whatsapp);
  const H = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div class="center-details">
      <dl class="center-contacts">
        <dt>{t('repair.address')}</dt>
        <dd>
          <span safe>{d.address}</span>, <span safe>{d.city}</span>,{' '}
          <span safe>{countryName(d.country, ctx.i18n.locale)}</span>
        </dd>
        <dt>{t('repair.phone')}</dt>
        <dd>
          <a href={`tel:${d.phone.replace(/[^\d+]/g, '')}`} safe>
            {d.phone}
          </a>
        </dd>
        {wa && (
          <>
            <dt>{t('repair.whatsapp')}</dt>
            <dd>
              <a href={wa} rel="noopener noreferrer" class="whatsapp">
                {t('repair.chatOnWhatsapp')}
              </a>{' '}
              <span class="hint" safe>
                {d.whatsapp}
              </span>
            </dd>
          </>
        )}
        <dt>{t('repair.email')}</dt>
        <dd>
          <a href={`mailto:${d.email}`} safe>
            {d.email}
          </a>
        </dd>
        {d.website && (
          <>
            <dt>{t('repair.website')}</dt>
            <dd>
              <a href={d.website} rel="nofollow noopener noreferrer ugc" safe>
                {d.website}
              </a>
            </dd>
          </>
        )}
        {d.openingHours && (
          <>
            <dt>{t('repair.openingHours')}</dt>
            <dd safe>{d.openingHours}</dd>
          </>
        )}
        <dt>{t('repair.brands')}</dt>
        <dd safe>{d.brands.join(', ')}</dd>
        {d.models && (
          <>
            <dt>{t('repair.models')}</dt>
            <dd class="prewrap" safe>
              {d.models}
            </dd>
          </>
        )}
        {d.lat != null && d.lng != null && (
          <>
            <dt>{t('repair.location')}</dt>
            <dd class="num-inline">{`${ctx.i18n.number(d.lat, 5)}, ${ctx.i18n.number(d.lng, 5)}`}</dd>
          </>
        )}
      </dl>
      {d.services.length > 0 && (
        <>
          <H>{t('repair.services')}</H>
          <ul class="service-list">
            {d.services.map((s) => (
              <li>{t(`repair.service.${s}` as 'repair.service.psu')}</li>
            ))}
          </ul>
        </>
      )}
      {d.description && (
        <p class="prewrap" safe>
          {d.description}
        </p>
      )}
      {d.photos.length > 0 && (
        <ul class="photo-list">
          {d.photos.map((key, i) => (
            <li>
              <img
                src={photoUrl(key)}
                alt={t('repair.photoAlt', { n: i + 1 })}
                width="240"
                height="180"
                loading="lazy"
              />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
