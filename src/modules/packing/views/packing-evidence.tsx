import type { PageContext } from '../../../platform/http/page-context.js';
import { ScrollTable } from '../../../platform/views/scroll-table.js';
import type { PackingEvidence, PackingFile, PackingLine, ParcelEvidence } from '../packing.repo.js';
import { parcelMeasuresText } from './parcel-measures.js';

/** Where a file is served: buyers get previews of photos, staff the originals too. */
export interface EvidenceUrls {
  /** Re-encoded photo preview, shown inline. */
  preview(file: PackingFile): string;
  /** The stored file (videos for everyone; photo originals for staff only). */
  original(file: PackingFile): string;
  /** Staff may open photo originals; buyers never do. */
  showOriginals: boolean;
}

/** Public (buyer) and back-office URL builders for one order's evidence. */
export const buyerEvidenceUrls = (orderNumber: string): EvidenceUrls => ({
  preview: (f) => `/orders/${orderNumber}/packing/files/${f.id}/preview`,
  original: (f) => `/orders/${orderNumber}/packing/files/${f.id}`,
  showOriginals: false,
});
export const staffEvidenceUrls = (orderNumber: string): EvidenceUrls => ({
  preview: (f) => `/admin/orders/${orderNumber}/packing/files/${f.id}/preview`,
  original: (f) => `/admin/orders/${orderNumber}/packing/files/${f.id}`,
  showOriginals: true,
});

function Correction({ ctx, reason }: { ctx: PageContext; reason: string | null }) {
  return reason ? (
    <p class="correction">
      <span class="badge staff">{ctx.t('packing.correctionBadge')}</span> <span safe>{reason}</span>
    </p>
  ) : (
    ''
  );
}

/** Kita's video type lacks `preload`; only metadata is fetched until the viewer presses play. */
const metadataOnly = { preload: 'metadata' };

function Media({ ctx, parcel, urls }: { ctx: PageContext; parcel: ParcelEvidence; urls: EvidenceUrls }) {
  if (parcel.files.length === 0) return <p class="hint">{ctx.t('packing.noMedia')}</p>;
  return (
    <ul class="evidence-media">
      {parcel.files.map((f, i) => (
        <li>
          {f.kind === 'photo' ? (
            <a href={urls.showOriginals ? urls.original(f) : urls.preview(f)}>
              <img
                src={urls.preview(f)}
                alt={ctx.t('packing.photoAlt', { n: i + 1, parcel: parcel.position })}
                loading="lazy"
                width="160"
                height="120"
              />
            </a>
          ) : (
            <video controls src={urls.original(f)} width="240" {...metadataOnly} />
          )}
          <Correction ctx={ctx} reason={f.correctionReason} />
        </li>
      ))}
    </ul>
  );
}

function Units({ ctx, parcel, lines }: { ctx: PageContext; parcel: ParcelEvidence; lines: PackingLine[] }) {
  const { t, i18n } = ctx;
  if (parcel.units.length === 0) return '';
  return (
    // Focusable so keyboard users can scroll it on narrow screens.
    <ScrollTable label={t('packing.units')} class="data-table evidence-units">
      <caption>{t('packing.units')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('packing.product')}</th>
          <th scope="col">{t('packing.serialNumber')}</th>
          <th scope="col">{t('packing.burnIn')}</th>
        </tr>
      </thead>
      <tbody>
        {parcel.units.map((u) => {
          const line = lines.find((l) => l.id === u.orderLineId);
          const burnIn =
            u.burnInPassed === null
              ? ''
              : `${i18n.number(u.burnInHashrate ?? 0, 2)} ${u.burnInHashrateUnit ?? ''} · ${t('packing.hoursValue', { hours: i18n.number(u.burnInHours ?? 0, 1) })}`;
          return (
            <tr class={u.replacedBy ? 'replaced' : undefined}>
              <td safe>{line ? `${line.sku} · ${line.name}` : ''}</td>
              <td>
                {u.replacedBy ? (
                  <>
                    <del safe>{u.serialNumber}</del> <span class="hint">{t('packing.replaced')}</span>
                  </>
                ) : (
                  <span class="serial" safe>
                    {u.serialNumber}
                  </span>
                )}
                <Correction ctx={ctx} reason={u.correctionReason} />
              </td>
              <td class="burn-in">
                {u.burnInPassed !== null && (
                  <>
                    <span safe>{burnIn}</span>{' '}
                    <span class={`badge ${u.burnInPassed ? 'done' : 'problem'}`}>
                      {t(u.burnInPassed ? 'packing.pass' : 'packing.fail')}
                    </span>
                  </>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </ScrollTable>
  );
}

/**
 * The recorded evidence, parcel by parcel: seals, photos and videos, unit serials with
 * burn-in. Replaced units stay visible, struck through. Used on the buyer's order page,
 * the staff order page and support's after-sales case page.
 */
export function PackingEvidenceView(props: {
  ctx: PageContext;
  evidence: PackingEvidence;
  lines: PackingLine[];
  urls: EvidenceUrls;
  /** Extra content per parcel (the staff upload form). */
  parcelFooter?: (parcel: ParcelEvidence) => JSX.Element | string;
}) {
  const { ctx, evidence, lines, urls } = props;
  const { t } = ctx;
  if (evidence.parcels.length === 0) return <p class="hint">{t('packing.none')}</p>;
  return (
    <div class="parcels">
      {evidence.parcels.map((p) => (
        <article class="parcel" aria-labelledby={`parcel-${p.id}`}>
          <h3 id={`parcel-${p.id}`}>{t('packing.parcel', { n: p.position })}</h3>
          <Correction ctx={ctx} reason={p.correctionReason} />
          <p>
            <strong>{t('packing.sealNumbers')}:</strong>{' '}
            {p.sealNumbers.map((s) => (
              <span class="seal" safe>
                {s}
              </span>
            ))}
          </p>
          {parcelMeasuresText(ctx, p) && <p safe>{parcelMeasuresText(ctx, p)}</p>}
          <h4>{t('packing.media')}</h4>
          <Media ctx={ctx} parcel={p} urls={urls} />
          <Units ctx={ctx} parcel={p} lines={lines} />
          {props.parcelFooter?.(p)}
        </article>
      ))}
    </div>
  );
}
