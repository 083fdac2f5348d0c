import { escapeHtml } from '@kitajs/html';
import { countryName, countryOptions } from '../../../platform/countries.js';
import type { PageContext } from '../../../platform/http/page-context.js';
import { plainText } from '../../../platform/i18n/index.js';
import { Layout } from '../../../platform/views/layout.js';
import type { RepairCenter } from '../repair-center.repo.js';
import { whatsappLink } from '../repair-center.rules.js';
import { centerDescription, centerJsonLd, centerOpenGraph } from '../repair-center.seo.js';
import { CenterDetails } from './center-details.js';

export interface DirectoryView {
  centers: RepairCenter[];
  facets: { countries: string[]; brands: string[] };
  filter: { country?: string; brand?: string };
}

function ServiceInfo({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  return (
    <section class="repair-info">
      <div class="card">
        <h2>{t('repairPage.warrantyTitle')}</h2>
        <p>{t('repairPage.warrantyText')}</p>
      </div>
      <div class="card">
        <h2>{t('repairPage.outOfWarrantyTitle')}</h2>
        <p>{t('repairPage.outOfWarrantyText')}</p>
      </div>
      <div class="card">
        <h2>{t('repairPage.sendTitle')}</h2>
        <ol>
          <li>{t('repairPage.send1')}</li>
          <li>{t('repairPage.send2')}</li>
          <li>{t('repairPage.send3')}</li>
          <li>{t('repairPage.send4')}</li>
        </ol>
      </div>
    </section>
  );
}

/** "ASIC Miner Repair": what the shop's repair service covers, then the directory of approved centers. */
export function DirectoryPage({ ctx, v }: { ctx: PageContext; v: DirectoryView }) {
  const { t, i18n } = ctx;
  const countries = countryOptions(v.facets.countries, i18n.locale);
  return (
    <Layout
      ctx={ctx}
      title={t('repairPage.title')}
      seo={{
        canonical: '/asic-miner-repair',
        description: plainText(i18n.locale, 'seo.repairDescription'),
        og: { type: 'website', title: plainText(i18n.locale, 'repairPage.title') },
      }}
    >
      <section class="hero">
        <h1>{t('repairPage.title')}</h1>
        <p>{t('repairPage.lead')}</p>
      </section>
      <ServiceInfo ctx={ctx} />
      <section id="directory" aria-labelledby="directory-title">
        <h2 id="directory-title">{t('repairPage.directoryTitle')}</h2>
        <p class="hint">{t('repairPage.directoryHint')}</p>
        <form method="get" action={ctx.href('/asic-miner-repair#directory')} class="directory-filters">
          <div class="field">
            <label for="f-dir-country">{t('repair.country')}</label>
            <select id="f-dir-country" name="country">
              <option value="">{t('repairPage.allCountries')}</option>
              {countries.map((c) => (
                <option value={c.code} selected={c.code === v.filter.country} safe>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="f-dir-brand">{t('repairPage.brand')}</label>
            <select id="f-dir-brand" name="brand">
              <option value="">{t('repairPage.allBrands')}</option>
              {v.facets.brands.map((b) => (
                <option value={b} selected={b.toLowerCase() === v.filter.brand?.toLowerCase()} safe>
                  {b}
                </option>
              ))}
            </select>
          </div>
          <button type="submit">{t('repairPage.filter')}</button>
        </form>
        <p class="result-count">{t('repairPage.count', { n: v.centers.length })}</p>
        {v.centers.length === 0 ? (
          <p class="empty">{t('repairPage.none')}</p>
        ) : (
          <ul class="center-grid">
            {v.centers.map((c) => (
              <li class="card center-card">
                <h3>
                  <a href={ctx.href(`/asic-miner-repair/${c.id}`)} safe>
                    {c.name}
                  </a>
                </h3>
                <p class="brand-line" safe>{`${c.city}, ${countryName(c.country, i18n.locale)}`}</p>
                <p safe>{c.brands.join(', ')}</p>
                {c.services.length > 0 && (
                  <p class="hint">
                    {c.services.map((s) => t(`repair.service.${s}` as 'repair.service.psu')).join(' · ')}
                  </p>
                )}
                <p class="center-links">
                  <a href={`tel:${c.phone.replace(/[^\d+]/g, '')}`} safe>
                    {c.phone}
                  </a>
                  <a href={`mailto:${c.email}`} safe>
                    {c.email}
                  </a>
                  {whatsappLink(c.whatsapp) && (
                    <a href={whatsappLink(c.whatsapp)} rel="noopener noreferrer" class="whatsapp">
                      {t('repair.chatOnWhatsapp')}
                    </a>
                  )}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </Layout>
  );
}

export function PublicCenterPage({ ctx, c }: { ctx: PageContext; c: RepairCenter }) {
  const { t } = ctx;
  const title = escapeHtml(c.name);
  return (
    <Layout
      ctx={ctx}
      title={title}
      seo={{ description: centerDescription(ctx, c), og: centerOpenGraph(c), jsonLd: [centerJsonLd(ctx, c)] }}
    >
      <p class="breadcrumbs">
        <a href={ctx.href('/asic-miner-repair#directory')}>{t('repairPage.title')}</a>
      </p>
      <h1>{title}</h1>
      <section class="card">
        <CenterDetails ctx={ctx} d={c} />
      </section>
    </Layout>
  );
}
