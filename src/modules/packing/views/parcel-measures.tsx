import type { PageContext } from '../../../platform/http/page-context.js';
import type { MessageKey } from '../../../platform/i18n/index.js';
import { Field, type FormState } from '../../../platform/views/form.js';

const fields: { name: string; label: MessageKey }[] = [
  { name: 'netWeightKg', label: 'packing.netWeightKg' },
  { name: 'grossWeightKg', label: 'packing.grossWeightKg' },
  { name: 'lengthCm', label: 'packing.lengthCm' },
  { name: 'widthCm', label: 'packing.widthCm' },
  { name: 'heightCm', label: 'packing.heightCm' },
];

/** The parcel's weights and outer size for the customs papers: optional (the papers say "not recorded"). */
export function ParcelMeasureFields({ ctx, form }: { ctx: PageContext; form?: FormState }) {
  return (
    <fieldset class="parcel-measures">
      <legend>{ctx.t('packing.measures')}</legend>
      <p class="hint">{ctx.t('packing.measuresHint')}</p>
      {fields.map((f) => (
        <Field
          ctx={ctx}
          form={form}
          idPrefix="pp"
          name={f.name}
          label={ctx.t(f.label)}
          attrs={{ inputmode: 'decimal', maxlength: '20', size: '8' }}
        />
      ))}
    </fieldset>
  );
}

const kg = (ctx: PageContext, grams: number) => `${ctx.i18n.number(grams / 1000, 2)} kg`;
const cm = (ctx: PageContext, mm: number) => ctx.i18n.number(mm / 10, 1);

/** "Net 12.5 kg · gross 14 kg · 50 × 30 × 40 cm", or nothing when none was recorded. */
export function parcelMeasuresText(
  ctx: PageContext,
  p: {
    netWeightGrams: number | null;
    grossWeightGrams: number | null;
    lengthMm: number | null;
    widthMm: number | null;
    heightMm: number | null;
  },
): string {
  const parts: string[] = [];
  if (p.netWeightGrams) parts.push(ctx.t('packing.netValue', { value: kg(ctx, p.netWeightGrams) }));
  if (p.grossWeightGrams) parts.push(ctx.t('packing.grossValue', { value: kg(ctx, p.grossWeightGrams) }));
  if (p.lengthMm && p.widthMm && p.heightMm)
    parts.push(`${cm(ctx, p.lengthMm)} × ${cm(ctx, p.widthMm)} × ${cm(ctx, p.heightMm)} cm`);
  return parts.join(' · ');
}
