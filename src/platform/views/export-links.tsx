import type { PageContext } from '../http/page-context.js';

/** A list page's CSV exports: what the page lists (its filter, #15), then every row. */
export function ExportLinks({ ctx, path, filter }: { ctx: PageContext; path: string; filter?: string | undefined }) {
  const all = (
    <a href={path} download="">
      {ctx.t(filter ? 'export.downloadAll' : 'export.download')}
    </a>
  );
  return (
    <p class="export">
      {filter ? (
        <>
          <a href={`${path}?${filter}`} download="">
            {ctx.t('export.download')}
          </a>
          {' · '}
          {all}
        </>
      ) : (
        all
      )}
    </p>
  );
}
