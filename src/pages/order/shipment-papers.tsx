import type { PackingPageData } from '../../modules/packing/index.js';
import type { PageContext } from '../../platform/http/page-context.js';
import { locales } from '../../platform/i18n/index.js';

/**
 * The papers of a shipment on the order page: the commercial invoice and packing list (in
 * English and Spanish), and for each miner in force with a burn-in result its unit test
 * report and its warranty check. `base` is `/orders/N` for the buyer, `/admin/orders/N`
 * for staff; the caller decides when they show (the buyer: once shipped).
 */
export function ShipmentPapers({ ctx, base, packing }: { ctx: PageContext; base: string; packing: PackingPageData }) {
  const { t } = ctx;
  const miners = new Set(packing.lines.filter((l) => l.kind === 'miner').map((l) => l.id));
  const tested = packing.current.filter((u) => miners.has(u.orderLineId) && u.burnInPassed !== null);
  const hasParcels = packing.evidence.parcels.length > 0;
  if (!hasParcels && tested.length === 0) return '';
  return (
    <section class="papers" aria-labelledby="papers-h">
      <h2 id="papers-h">{t('papers.title')}</h2>
      {hasParcels && (
        <ul class="links">
          {(['commercial-invoice', 'packing-list'] as const).map((doc) => {
            const name = t(doc === 'commercial-invoice' ? 'customs.commercialInvoice' : 'customs.packingList');
            return (
              <li>
                {name}:{' '}
                {locales.map((l, i) => (
                  <>
                    {i > 0 && ' · '}
                    <a
                      href={`${base}/customs/${doc}.pdf?lang=${l}`}
                      hreflang={l}
                      aria-label={`${name} (${t(`locale.${l}`)})`}
                    >
                      {t(`locale.${l}`)}
                    </a>
                  </>
                ))}
              </li>
            );
          })}
        </ul>
      )}
      {tested.length > 0 && (
        <ul class="links">
          {tested.map((u) => (
            <li>
              <a href={`${base}/units/${u.id}/test-report.pdf`} safe>
                {t('testReport.forSerial', { serial: u.serialNumber })}
              </a>{' '}
              · <a href={`/warranty?serial=${encodeURIComponent(u.serialNumber)}`}>{t('warranty.checkUnit')}</a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
