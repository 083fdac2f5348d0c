import { categories } from '../../../platform/categories.js';
import type { PageContext } from '../../../platform/http/page-context.js';
import { plainText } from '../../../platform/i18n/index.js';
import { Layout } from '../../../platform/views/layout.js';
import type { ProductCard } from '../catalog.repo.js';
import { ProductGrid } from './product-card.js';

export function HomePage({
  ctx,
  featured,
  newest,
}: {
  ctx: PageContext;
  featured: ProductCard[];
  newest: ProductCard[];
}) {
  const { t } = ctx;
  const description = plainText(ctx.i18n.locale, 'seo.homeDescription');
  const seo = {
    canonical: '/',
    description,
    og: { type: 'website' as const, title: plainText(ctx.i18n.locale, 'home.title') },
  };
  return (
    <Layout ctx={ctx} title={t('home.title')} seo={seo}>
      <section class="hero">
        <h1>{t('home.headline')}</h1>
        <p>{t('home.lead')}</p>
        <ul class="promises">
          <li>{t('home.promiseTested')}</li>
          <li>{t('home.promiseTracking')}</li>
          <li>{t('home.promiseVerify')}</li>
        </ul>
      </section>
      <nav class="category-tiles" aria-label={t('home.shopByCategory')}>
        {categories.map((c) => (
          <a href={ctx.href(`/categories/${c.slug}`)}>{t(c.name)}</a>
        ))}
      </nav>
      <section>
        <h2>{t('home.featured')}</h2>
        <ProductGrid ctx={ctx} items={featured} />
      </section>
      <section>
        <h2>{t('home.newest')}</h2>
        <ProductGrid ctx={ctx} items={newest} />
      </section>
    </Layout>
  );
}
