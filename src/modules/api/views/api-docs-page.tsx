import type { OpenAPIV3_1 } from 'openapi-types';
import { errorCatalog } from '../../../platform/errors.js';
import type { PageContext } from '../../../platform/http/page-context.js';
import { Layout } from '../../../platform/views/layout.js';

const methods = ['get', 'post', 'put', 'patch', 'delete'] as const;

/**
 * A readable page of the OpenAPI document, rendered on the server from the generated
 * document itself (ADR 0027: no Swagger UI, whose bundle needs inline styles our CSP refuses).
 */
export function ApiDocsPage({ ctx, doc }: { ctx: PageContext; doc: OpenAPIV3_1.Document }) {
  const { t } = ctx;
  const operations = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    methods.flatMap((m) => {
      const op = item?.[m];
      return op ? [{ path, method: m, op }] : [];
    }),
  );
  return (
    <Layout ctx={ctx} title={t('apiDocs.title')}>
      <section class="api-docs">
        <h1>{t('apiDocs.title')}</h1>
        <p>{t('apiDocs.intro')}</p>
        <p>
          <a href="/api/v1/openapi.json">{t('apiDocs.document')}</a>
        </p>
        <h2>{t('apiDocs.auth')}</h2>
        <p>{t('apiDocs.authText')}</p>
        <h2>{t('apiDocs.operations')}</h2>
        {operations.map(({ path, method, op }) => (
          <article class="api-operation" id={op.operationId ?? `${method}-${path}`}>
            <h3>
              <code>{method.toUpperCase()}</code> <code safe>{path}</code>
            </h3>
            {op.summary && <p safe>{op.summary}</p>}
            {op.description && (
              <p class="hint" safe>
                {op.description}
              </p>
            )}
            {!!op.parameters?.length && (
              <table>
                <thead>
                  <tr>
                    <th>{t('apiDocs.parameter')}</th>
                    <th>{t('apiDocs.in')}</th>
                    <th>{t('apiDocs.required')}</th>
                  </tr>
                </thead>
                <tbody>
                  {(op.parameters as OpenAPIV3_1.ParameterObject[]).map((p) => (
                    <tr>
                      <td>
                        <code safe>{p.name}</code>
                      </td>
                      <td safe>{p.in}</td>
                      <td>{p.required ? '✓' : ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <p class="hint">
              {t('apiDocs.responses')}: <span safe>{Object.keys(op.responses ?? {}).join(', ')}</span>
            </p>
          </article>
        ))}
        <h2>{t('apiDocs.errors')}</h2>
        <p>{t('apiDocs.errorsText')}</p>
        <dl>
          {Object.entries(errorCatalog).map(([code, e]) => (
            <>
              <dt id={`error-${code}`}>
                <code>{code}</code> ({String(e.status)})
              </dt>
              <dd>{t(e.message)}</dd>
            </>
          ))}
        </dl>
      </section>
    </Layout>
  );
}
