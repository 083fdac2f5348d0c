import { escapeHtml } from '@kitajs/html';
import type { PageContext } from '../../../platform/http/page-context.js';
import type { ProformaModel } from '../proforma.model.js';

/**
 * The printable PI: a minimal document of its own (no site navigation), A4 print rules
 * in pi.css. Every text comes from the model (raw text, escaped here with `safe`).
 */
export function ProformaPage({
  ctx,
  m,
  safeQrSvg,
  back,
  pdf,
}: {
  ctx: PageContext;
  m: ProformaModel;
  safeQrSvg: string;
  back: string;
  pdf: string;
}) {
  const { t } = ctx;
  return (
    <>
      {'<!doctype html>'}
      <html lang={m.locale}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="robots" content="noindex" />
          <title>{`${escapeHtml(m.title)} ${escapeHtml(m.number)} · Hashcart`}</title>
          <link rel="stylesheet" href="/assets/pi.css" />
          <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
        </head>
        <body>
          <nav class="pi-toolbar" aria-label={m.title}>
            <a href={back}>← {t('pi.backToOrder')}</a>
            <a class="pi-button" href={pdf} download="">
              {t('pi.downloadPdf')}
            </a>
            <span class="pi-hint">{t('pi.printHint')}</span>
          </nav>
          <main>
            <ProformaDocument m={m} safeQrSvg={safeQrSvg} />
          </main>
        </body>
      </html>
    </>
  );
}

function ProformaDocument({ m, safeQrSvg }: { m: ProformaModel; safeQrSvg: string }) {
  const cols = ['sku', 'description', 'hsCode', 'quantity', 'unitPrice', 'lineTotal'] as const;
  const num = new Set<string>(['quantity', 'unitPrice', 'lineTotal']);
  return (
    <article class="pi" aria-labelledby="pi-title">
      <header class="pi-head">
        <div class="pi-seller">
          <p class="pi-seller-name" safe>
            {m.seller.name}
          </p>
          {m.seller.lines.map((l) => (
            <p safe>{l}</p>
          ))}
        </div>
        <div class="pi-title">
          <h1 id="pi-title" safe>
            {m.title}
          </h1>
          <p class="pi-number" safe>
            {m.number}
          </p>
        </div>
      </header>
      {m.mark && (
        <p class={`pi-mark ${m.mark.kind}`} role="status" safe>
          {m.mark.text}
        </p>
      )}
      <section class="pi-parties">
        <div>
          <h2 safe>{m.buyer.heading}</h2>
          <p class="pi-buyer-name" safe>
            {m.buyer.name}
          </p>
          {m.buyer.lines.map((l) => (
            <p safe>{l}</p>
          ))}
        </div>
        <dl class="pi-meta">
          {m.meta.map((r) => (
            <>
              <dt safe>{r.label}</dt>
              <dd safe>{r.value}</dd>
            </>
          ))}
        </dl>
      </section>
      <table class="pi-lines">
        <thead>
          <tr>
            {cols.map((c) => (
              <th scope="col" class={num.has(c) ? 'num' : undefined} safe>
                {m.columns[c]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {m.lines.map((l) => (
            <tr>
              {cols.map((c) => (
                <td class={num.has(c) ? 'num' : c === 'sku' ? 'mono' : undefined} safe>
                  {l[c]}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <table class="pi-totals">
        <tbody>
          {m.totals.map((r) => (
            <tr class={r.strong ? 'strong' : undefined}>
              <th scope="row" safe>
                {r.label}
              </th>
              <td class="num" safe>
                {r.value}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="pi-words">
        <strong safe>{`${m.inWords.label}: `}</strong>
        <span safe>{m.inWords.value}</span>
      </p>
      <section class="pi-payment">
        <h2 safe>{m.payment.heading}</h2>
        <p class="pi-method" safe>
          {m.payment.name}
        </p>
        <p class="pre" safe>
          {m.payment.instructions}
        </p>
        {m.payment.accountDetails && <pre safe>{m.payment.accountDetails}</pre>}
      </section>
      <section class="pi-notes">
        <h2 safe>{m.notes.heading}</h2>
        <ul>
          {m.notes.items.map((n) => (
            <li safe>{n}</li>
          ))}
        </ul>
      </section>
      <section class="pi-verify">
        <figure class="pi-qr" role="img" aria-label={m.verify.url}>
          {safeQrSvg}
        </figure>
        <div>
          <h2 safe>{m.verify.heading}</h2>
          <p safe>{m.verify.text}</p>
          <p>
            <span safe>{`${m.verify.codeLabel}: `}</span>
            <strong class="mono code" safe>
              {m.verify.code}
            </strong>
          </p>
          <p>
            <a href={m.verify.url} safe>
              {m.verify.url}
            </a>
          </p>
        </div>
      </section>
    </article>
  );
}
