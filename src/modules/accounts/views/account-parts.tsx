import type { Children } from '@kitajs/html';
import type { PageContext } from '../../../platform/http/page-context.js';
import { Field, type FormState } from '../../../platform/views/form.js';
import { Layout } from '../../../platform/views/layout.js';

/** An account page on one narrow card under its heading (log in, register, reset, two-factor…); `title` is HTML text from ctx.t. */
export function CardPage({ ctx, title, children }: { ctx: PageContext; title: string; children?: Children }) {
  return (
    <Layout ctx={ctx} title={title}>
      <section class="narrow card">
        <h1>{title}</h1>
        {children}
      </section>
    </Layout>
  );
}

/** The field where someone chooses a password (registration, invitation, reset, change): the browser may suggest one. */
export function NewPasswordField({
  ctx,
  form,
  label,
  hint,
  idPrefix,
}: {
  ctx: PageContext;
  form?: FormState;
  label: string;
  hint: string;
  /** When the page has more than one form: see Field. */
  idPrefix?: string;
}) {
  return (
    <Field
      ctx={ctx}
      form={form}
      idPrefix={idPrefix}
      name="password"
      type="password"
      label={label}
      required
      autocomplete="new-password"
      hint={hint}
    />
  );
}
