import { randomBytes } from 'node:crypto';
import { countryName } from '../../../platform/countries.js';
import type { PageContext } from '../../../platform/http/page-context.js';
import { countrySelectOptions } from '../../../platform/views/country-select.js';
import { Field, FormError, type FormState, SelectField } from '../../../platform/views/form.js';
import { CsrfField } from '../../../platform/views/layout.js';
import type { PaymentMethod } from '../../payment-methods/index.js';
import type { Settings } from '../../settings/index.js';
import { paymentMethodAllowed, shippingMethodsFor } from '../order.rules.js';

export interface CheckoutData {
  goodsCents: number;
  /** When the cart shown was last added to (see cartAddedAt). */
  cartAt: number;
  methods: PaymentMethod[];
  /** Offered methods whose payment details changed lately (announced in-app, DESIGN §4b). */
  recentlyChanged: { id: number; name: string; changedAt: Date }[];
  settings: Settings;
  saved?: {
    fullName: string;
    phone: string;
    country: string;
    city: string;
    address: string;
    postalCode: string;
    company: string;
    taxId: string;
  };
  defaultName: string;
}

function RecentlyChanged({ ctx, changed }: { ctx: PageContext; changed: CheckoutData['recentlyChanged'] }) {
  if (!changed.length) return '';
  const { t, i18n } = ctx;
  return (
    <div class="notice problem" role="note">
      <p>
        <strong>{t('payments.recentlyChangedTitle')}</strong>
      </p>
      <ul>
        {changed.map((c) => (
          <li>{t('payments.recentlyChangedItem', { method: c.name, date: i18n.date(c.changedAt) })}</li>
        ))}
      </ul>
      <p>{t('payments.recentlyChangedHint')}</p>
    </div>
  );
}

/** The order form under "My cart list". Its token makes a double submit create one order. */
export function CheckoutForm({ ctx, d, form }: { ctx: PageContext; d: CheckoutData; form?: FormState }) {
  const { t } = ctx;
  const v = (k: string) => form?.values?.[k];
  const token = v('token') ?? randomBytes(18).toString('base64url');
  const country = v('country') ?? d.saved?.country ?? '';
  const countries = countrySelectOptions(d.settings.destinations, ctx.i18n.locale);
  const methods = d.methods.filter((m) => paymentMethodAllowed(m, d.goodsCents));
  const shipping = shippingMethodsFor(d.goodsCents);
  const err = (k: string) => form?.errors?.[k];
  const restricted = (d.settings.cryptoRestricted as string[]).map((c) => countryName(c, ctx.i18n.locale)).join(', ');
  return (
    <form method="post" action={ctx.href('/orders')} class="card checkout" novalidate>
      <h2>{t('checkout.title')}</h2>
      <CsrfField ctx={ctx} />
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="cartAt" value={String(d.cartAt)} />
      <FormError ctx={ctx} form={form} />
      <div class="grid-2">
        <Field
          ctx={ctx}
          form={form}
          name="fullName"
          label={t('field.fullName')}
          value={d.saved?.fullName ?? d.defaultName}
          required
          autocomplete="name"
        />
        <Field
          ctx={ctx}
          form={form}
          name="phone"
          type="tel"
          label={t('field.phone')}
          value={d.saved?.phone}
          required
          autocomplete="tel"
        />
        <SelectField
          ctx={ctx}
          form={form}
          name="country"
          label={t('field.country')}
          placeholder={t('checkout.chooseCountry')}
          options={countries}
          value={country}
          required
        />
        <Field
          ctx={ctx}
          form={form}
          name="city"
          label={t('field.city')}
          value={d.saved?.city}
          required
          autocomplete="address-level2"
        />
        <Field
          ctx={ctx}
          form={form}
          name="address"
          label={t('field.address')}
          value={d.saved?.address}
          required
          autocomplete="street-address"
        />
        <Field
          ctx={ctx}
          form={form}
          name="postalCode"
          label={t('field.postalCode')}
          value={d.saved?.postalCode}
          autocomplete="postal-code"
        />
        <Field
          ctx={ctx}
          form={form}
          name="company"
          label={t('field.company')}
          value={d.saved?.company}
          autocomplete="organization"
          hint={t('field.companyHint')}
        />
        <Field
          ctx={ctx}
          form={form}
          name="taxId"
          label={t('field.taxId')}
          value={d.saved?.taxId}
          hint={t('field.taxIdHint')}
        />
        <SelectField
          ctx={ctx}
          form={form}
          name="shippingMethod"
          label={t('field.shippingMethod')}
          options={shipping.map((m) => ({ value: m, label: t(`shipping.${m}`) }))}
        />
        <SelectField
          ctx={ctx}
          form={form}
          name="paymentMethodId"
          label={t('field.paymentMethod')}
          options={methods.map((m) => ({ value: String(m.id), label: m.name }))}
        />
      </div>
      <RecentlyChanged ctx={ctx} changed={d.recentlyChanged.filter((c) => methods.some((m) => m.id === c.id))} />
      {shipping.length < 4 && <p class="hint">{t('checkout.largeOrderHint')}</p>}
      <div class={err('cryptoAcknowledged') ? 'field checkbox has-error' : 'field checkbox'}>
        <input
          id="f-cryptoAcknowledged"
          name="cryptoAcknowledged"
          type="checkbox"
          checked={v('cryptoAcknowledged') === 'on'}
        />
        <label for="f-cryptoAcknowledged">{t('checkout.cryptoAck')}</label>
      </div>
      <p class="hint">{t('checkout.cryptoRestricted', { list: restricted })}</p>
      {err('cryptoAcknowledged') && <p class="field-error">{t(err('cryptoAcknowledged')!)}</p>}
      <p class="hint">{t('checkout.nextSteps')}</p>
      <button type="submit" class="primary" hx-disabled-elt="this">
        {t('checkout.submit')}
      </button>
    </form>
  );
}
