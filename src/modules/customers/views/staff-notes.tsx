import type { PageContext } from '../../../platform/http/page-context.js';
import { Field, type FormState, TextAreaField } from '../../../platform/views/form.js';
import { CsrfField } from '../../../platform/views/layout.js';
import type { StaffNotes } from '../customer-notes.repo.js';

/** Tags and notes only staff see (the customer's own pages never render this). */
export function StaffNotesSection(props: {
  ctx: PageContext;
  customerId: number;
  notes: StaffNotes;
  forms?: Record<string, FormState>;
}) {
  const { ctx, customerId, notes, forms = {} } = props;
  const { t, i18n } = ctx;
  const base = `/admin/customers/${customerId}`;
  return (
    <section class="card" aria-labelledby="staff-notes">
      <h2 id="staff-notes">{t('staffCustomer.staffOnly')}</h2>
      <h3>{t('staffCustomer.tags')}</h3>
      {notes.tags.length === 0 ? (
        <p class="empty">{t('staffCustomer.noTags')}</p>
      ) : (
        <ul class="tags">
          {notes.tags.map((tag) => (
            <li>
              <form method="post" action={`${base}/tags/remove`} class="inline">
                <CsrfField ctx={ctx} />
                <input type="hidden" name="tag" value={tag} />
                <span class="badge" safe>
                  {tag}
                </span>{' '}
                <button type="submit" class="link" aria-label={t('staffCustomer.removeTag', { tag })}>
                  ×
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
      <form method="post" action={`${base}/tags`} class="inline-form" novalidate>
        <CsrfField ctx={ctx} />
        <Field ctx={ctx} form={forms.tag} name="tag" label={t('staffCustomer.tag')} idPrefix="tag" required />
        <button type="submit">{t('staffCustomer.addTag')}</button>
      </form>
      <h3>{t('staffCustomer.notes')}</h3>
      <form method="post" action={`${base}/notes`} novalidate>
        <CsrfField ctx={ctx} />
        <TextAreaField ctx={ctx} form={forms.note} name="body" label={t('staffCustomer.note')} rows={3} />
        <button type="submit">{t('staffCustomer.addNote')}</button>
      </form>
      {notes.notes.length === 0 ? (
        <p class="empty">{t('staffCustomer.noNotes')}</p>
      ) : (
        <ul class="notes">
          {notes.notes.map((n) => (
            <li>
              <p class="muted">
                <span safe>{n.author}</span> · {i18n.dateTime(n.createdAt)}
              </p>
              <p class="break" safe>
                {n.body}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
