import type { PageContext } from '../../../platform/http/page-context.js';
import type { FormState } from '../../../platform/views/form.js';

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

/** Input with label and error; ids are namespaced because several packing forms share the page. */
export function Input(props: {
  ctx: PageContext;
  form?: FormState;
  prefix: string;
  name: string;
  label: string;
  type?: string;
  required?: boolean;
  attrs?: Record<string, string>;
}) {
  const { ctx, form, prefix, name, label, type = 'text', required } = props;
  const id = `${prefix}-${name}`;
  const error = form?.errors?.[name];
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <label for={id}>{label}</label>
      <input
        id={id}
        name={name}
        type={type}
        value={form?.values?.[name]}
        required={required}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        {...props.attrs}
      />
      <ErrorText ctx={ctx} form={form} name={name} id={id} />
    </div>
  );
}

export function Select(props: {
  ctx: PageContext;
  form?: FormState;
  prefix: string;
  name: string;
  label: string;
  options: [string, string][];
  value?: string;
}) {
  const { ctx, form, prefix, name, label, options } = props;
  const selected = form?.values?.[name] ?? props.value;
  const id = `${prefix}-${name}`;
  const error = form?.errors?.[name];
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <label for={id}>{label}</label>
      <select
        id={id}
        name={name}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        {options.map(([value, text]) => (
          <option value={value} selected={selected === value} safe>
            {text}
          </option>
        ))}
      </select>
      <ErrorText ctx={ctx} form={form} name={name} id={id} />
    </div>
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
    <Input
      ctx={ctx}
      form={form}
      prefix={prefix}
      name="reason"
      label={ctx.t('packing.reason')}
      required
      attrs={{ maxlength: '1000' }}
    />
  ) : (
    ''
  );
