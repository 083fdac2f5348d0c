import type { FieldErrors, FormValues } from '../http/forms.js';
import type { PageContext } from '../http/page-context.js';

export interface FormState {
  values?: FormValues;
  errors?: FieldErrors;
}

/** A parse result as view state: nothing to show after success. */
export const formState = (r: { ok: boolean } & Partial<FormState>): FormState | undefined => (r.ok ? undefined : r);

interface FieldProps {
  ctx: PageContext;
  form?: FormState;
  name: string;
  label: string;
  type?: string;
  value?: string | number | null;
  required?: boolean;
  autocomplete?: string;
  hint?: string;
  attrs?: Record<string, string | number | boolean>;
  /** Namespaces the id when several forms on one page share field names. */
  idPrefix?: string;
}

/** A labelled input with its error beside it (aria-invalid + aria-describedby). */
export function Field({
  ctx,
  form,
  name,
  label,
  type = 'text',
  value,
  required,
  autocomplete,
  hint,
  attrs,
  idPrefix = 'f',
}: FieldProps) {
  const error = form?.errors?.[name];
  const id = `${idPrefix}-${name}`;
  const shown = type === 'password' ? undefined : (form?.values?.[name] ?? (value == null ? undefined : String(value)));
  const described = [error && `${id}-error`, hint && `${id}-hint`].filter(Boolean).join(' ') || undefined;
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <label for={id}>{label}</label>
      <input
        id={id}
        name={name}
        type={type}
        value={shown}
        required={required}
        autocomplete={autocomplete}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={described}
        {...attrs}
      />
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {ctx.t(error)}
        </p>
      )}
    </div>
  );
}

/** A labelled textarea with its error and hint, like Field. */
export function TextAreaField(props: {
  ctx: PageContext;
  form?: FormState;
  name: string;
  label: string;
  value?: string | null;
  hint?: string;
  rows?: number;
}) {
  const { ctx, form, name, label, value, hint, rows = 4 } = props;
  const error = form?.errors?.[name];
  const id = `f-${name}`;
  const described = [error && `${id}-error`, hint && `${id}-hint`].filter(Boolean).join(' ') || undefined;
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <label for={id}>{label}</label>
      <textarea
        id={id}
        name={name}
        rows={String(rows)}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={described}
        safe
      >
        {form?.values?.[name] ?? value ?? ''}
      </textarea>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {ctx.t(error)}
        </p>
      )}
    </div>
  );
}

export interface SelectOption {
  value: string;
  label: string;
}

/**
 * A long option list (the ~240 countries of the order form) rendered once, so that a page only
 * marks the chosen option instead of rendering every option again (#18). Each option is rendered
 * by the same JSX as SelectField's, plain and selected; a value listed twice is marked twice.
 */
export interface RenderedOptions {
  readonly html: string;
  /** Per value, where its options are in `html` and the same option marked selected. */
  readonly spots: ReadonlyMap<string, readonly { start: number; end: number; selected: string }[]>;
}

const optionHtml = (o: SelectOption, selected: boolean) =>
  (
    <option value={o.value} selected={selected} safe>
      {o.label}
    </option>
  ) as string;

export function renderOptions(options: readonly SelectOption[]): RenderedOptions {
  let html = '';
  const spots = new Map<string, { start: number; end: number; selected: string }[]>();
  for (const o of options) {
    const plain = optionHtml(o, false);
    const spot = { start: html.length, end: html.length + plain.length, selected: optionHtml(o, true) };
    const list = spots.get(o.value);
    if (list) list.push(spot);
    else spots.set(o.value, [spot]);
    html += plain;
  }
  return { html, spots };
}

/** The rendered options with `current` selected: slices of the one string, not a new render. */
export function selectRendered(options: RenderedOptions, current: string): string {
  const spots = options.spots.get(current);
  if (!spots) return options.html;
  let out = '';
  let from = 0;
  for (const { start, end, selected } of spots) {
    out += options.html.slice(from, start) + selected;
    from = end;
  }
  return out + options.html.slice(from);
}

/** A labelled select that keeps the chosen option when the form comes back with errors. */
export function SelectField(props: {
  ctx: PageContext;
  form?: FormState;
  name: string;
  label: string;
  /** Options, or a long fixed list rendered beforehand (renderOptions). */
  options: readonly SelectOption[] | RenderedOptions;
  value?: string | null;
  /** A first, empty option ("Choose…", "Any"). */
  placeholder?: string;
  required?: boolean;
  /** Namespaces the id when several forms on one page share field names. */
  idPrefix?: string;
}) {
  const { ctx, form, name, label, options, value, placeholder, required, idPrefix = 'f' } = props;
  const error = form?.errors?.[name];
  const id = `${idPrefix}-${name}`;
  const current = form?.values?.[name] ?? value ?? '';
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <label for={id}>{label}</label>
      <select
        id={id}
        name={name}
        required={required}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        {placeholder !== undefined && (
          <option value="" safe>
            {placeholder}
          </option>
        )}
        {'spots' in options
          ? selectRendered(options, current)
          : options.map((o) => (
              <option value={o.value} selected={o.value === current} safe>
                {o.label}
              </option>
            ))}
      </select>
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {ctx.t(error)}
        </p>
      )}
    </div>
  );
}

/** A checkbox that keeps what was ticked when the form comes back with errors. */
export function CheckboxField({
  form,
  name,
  label,
  checked,
}: {
  form?: FormState;
  name: string;
  label: string;
  checked: boolean;
}) {
  const on = form?.values ? form.values[name] === 'on' : checked;
  return (
    <div class="field checkbox">
      <input id={`f-${name}`} name={name} type="checkbox" checked={on} />
      <label for={`f-${name}`}>{label}</label>
    </div>
  );
}

export function FormError({ ctx, form }: { ctx: PageContext; form?: FormState }) {
  const error = form?.errors?._form;
  return error ? (
    <p class="form-error" role="alert">
      {ctx.t(error)}
    </p>
  ) : (
    ''
  );
}
