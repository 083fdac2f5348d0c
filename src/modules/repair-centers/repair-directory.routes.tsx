import type { FastifyInstance } from 'fastify';
import { notFound } from '../../platform/errors.js';
import { pageContext } from '../../platform/http/page-context.js';
import { html, idParam, type RepairCenterDeps } from './repair-center.http.js';
import { directoryQuery } from './repair-center.inputs.js';
import { findPublishedCenter, listPublishedCenters, publishedFacets } from './repair-center.repo.js';
import { DirectoryPage, PublicCenterPage } from './views/directory-pages.js';

/** The public "ASIC Miner Repair" page: only approved versions, never anything in review. */
export async function repairDirectoryRoutes(app: FastifyInstance, { db }: RepairCenterDeps) {
  app.get('/asic-miner-repair', async (req, reply) => {
    const filter = directoryQuery.parse(req.query ?? {});
    const [centers, facets] = await Promise.all([listPublishedCenters(db, filter), publishedFacets(db)]);
    return html(reply).send(<DirectoryPage ctx={pageContext(req)} v={{ centers, facets, filter }} />);
  });

  app.get<{ Params: { id: string } }>('/asic-miner-repair/:id', async (req, reply) => {
    const c = await findPublishedCenter(db, idParam(req));
    if (!c) throw notFound();
    return html(reply).send(<PublicCenterPage ctx={pageContext(req)} c={c} />);
  });
}
