import type { PageContext } from '../http/page-context.js';
import type { MessageKey } from '../i18n/index.js';
import { Layout } from './layout.js';

export function ErrorMessage({ ctx, status, message }: { ctx: PageContext; status: number; message: MessageKey }) {
  return (
    <div class="error-box" role="alert">
      <p class="error-status">{String(status)}</p>
      <p>{ctx.t(message)}</p>
    </div>
  );
}

export function ErrorPage(props: { ctx: PageContext; status: number; message: MessageKey }) {
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
