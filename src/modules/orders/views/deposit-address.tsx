import type { PageContext } from '../../../platform/http/page-context.js';
import { qrSvg } from '../../../platform/qr.js';
import { type DepositNetwork, depositUri } from '../../payment-methods/index.js';
import type { DepositAddress } from '../deposit-address.repo.js';

/** An order's deposit address ready to show: the wallet URI and its QR code (inline SVG, no script). */
export interface DepositPanel {
  network: DepositNetwork;
  address: string;
  index: number;
  balanceCents: number;
  uri: string;
  safeQrSvg: string;
}

export async function depositPanel(d: DepositAddress, balanceCents: number): Promise<DepositPanel> {
  const uri = depositUri(d.network, d.address, balanceCents);
  return {
    network: d.network,
    address: d.address,
    index: d.derivationIndex,
    balanceCents,
    uri,
    safeQrSvg: await qrSvg(uri),
  };
}

/** What the buyer sends: USDT at par with the dollar; bitcoin by its value in dollars when paying. */
export const depositAmount = (ctx: PageContext, p: Pick<DepositPanel, 'network' | 'balanceCents'>) =>
  p.network === 'btc'
    ? ctx.t('deposit.amountBtc', { usd: ctx.i18n.money(p.balanceCents) })
    : ctx.t('deposit.amountUsdt', { usdt: ctx.i18n.number(p.balanceCents / 100, 2, true) });

/** The buyer's block: address (copy-friendly), amount, wallet link and QR code. */
export function DepositAddressBlock({ ctx, p }: { ctx: PageContext; p: DepositPanel }) {
  const { t } = ctx;
  const network = t(`deposit.network.${p.network}`);
  return (
    <section class="deposit" aria-labelledby="deposit-h">
      <h3 id="deposit-h">{t('deposit.title')}</h3>
      <p>{t('deposit.lead')}</p>
      <div class="deposit-grid">
        <figure class="deposit-qr" role="img" aria-label={t('deposit.qr')}>
          {p.safeQrSvg}
        </figure>
        <dl class="deposit-facts">
          <dt>{t('deposit.network')}</dt>
          <dd>{network}</dd>
          <dt>{t('deposit.address')}</dt>
          <dd>
            <code class="mono deposit-address" safe>
              {p.address}
            </code>
          </dd>
          <dt>{t('deposit.amount')}</dt>
          <dd>
            <strong>{depositAmount(ctx, p)}</strong>
          </dd>
        </dl>
      </div>
      <p>
        <a class="button" href={p.uri}>
          {t('deposit.openWallet')}
        </a>
      </p>
      <p class="notice problem">{t('deposit.networkWarning', { network })}</p>
    </section>
  );
}

/** The staff's reminder beside each proof: the only address this order's payment can go to. */
export function DepositAddressNote({
  ctx,
  d,
}: {
  ctx: PageContext;
  d: Pick<DepositAddress, 'network' | 'address' | 'derivationIndex'>;
}) {
  const { t } = ctx;
  return (
    <p class="deposit-note">
      <span>{t('deposit.staff')}: </span>
      <code class="mono deposit-address" safe>
        {d.address}
      </code>{' '}
      <span class="hint">
        ({t(`deposit.network.${d.network}`)}, {t('deposit.index', { index: d.derivationIndex })})
      </span>
      <br />
      <span class="hint">{t('deposit.staffHint')}</span>
    </p>
  );
}
