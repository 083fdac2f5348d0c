import type { PageContext } from '../http/page-context.js';
import type { MessageKey } from '../i18n/index.js';
import { Layout } from './layout.js';

interface ErrorProps {
  ctx: PageContext;
  status: number;
  message: MessageKey;
  /** What was wrong with which field (a filter outside its list, #15): `_form` is the request as a whole. */
  fields?: Record<string, string> | undefined;
}

export function ErrorMessage({ ctx, status, message, fields }: ErrorProps) {
  const wrong = Object.entries(fields ?? {});
  return (
    <div class="error-box" role="alert">
      <p class="error-status">{String(status)}</p>
      <p>{ctx.t(message)}</p>
      {wrong.length > 0 && (
        <ul class="error-fields">
          {wrong.map(([field, key]) => (
            <li>
              {field !== '_form' && (
                <>
                  <code safe>{field}</code>
                  {': '}
                </>
              )}
              {ctx.t(key as MessageKey)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function ErrorPage(props: ErrorProps) {
  return (
    <Layout ctx={props.ctx} title={props.ctx.t(props.message)} seo={{ noindex: true }}>
      <section class="narrow error-page">
        <h1>{props.ctx.t(props.message)}</h1>
        <ErrorMessage {...props} />
        <p>
          <a href={props.ctx.href('/')}>{props.ctx.t('error.backHome')}</a>
        </p>
      </section>
    </Layout>
  );
}
