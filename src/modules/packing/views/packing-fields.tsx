import type { PageContext } from '../../../platform/http/page-context.js';
import { Field, type FormState } from '../../../platform/views/form.js';

export function ErrorText({ ctx, form, name, id }: { ctx: PageContext; form?: FormState; name: string; id: string }) {
  const error = form?.errors?.[name];
  return error ? (
    <p class="field-error" id={`${id}-error`}>
      {ctx.t(error)}
    </p>
  ) : (
    ''
  );
}

/** After shipping every addition is a correction: the reason field appears and is required. */
export const Reason = ({
  ctx,
  form,
  prefix,
  shipped,
}: {
  ctx: PageContext;
  form?: FormState;
  prefix: string;
  shipped: boolean;
}) =>
  shipped ? (
    <Field
      ctx={ctx}
      form={form}
      idPrefix={prefix}
      name="reason"
      label={ctx.t('packing.reason')}
      required
      attrs={{ maxlength: '1000' }}
    />
  ) : (
    ''
  );
