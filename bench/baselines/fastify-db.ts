// Baseline 2: a bare Fastify route doing one primary-key SELECT through the app's driver
// (pg pool of the same size for PostgreSQL, the same embedded PGlite otherwise).
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import Fastify from 'fastify';
import pg from 'pg';

type Query = (id: number) => Promise<unknown[]>;
const SELECT = 'select id, slug, name, price_cents, stock from products where id = $1';

async function connect(): Promise<Query> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const pool = new pg.Pool({ connectionString: url, max: 10 });
    return async (id) => (await pool.query(SELECT, [id])).rows;
  }
  const client = new PGlite({ dataDir: join(process.env.DATA_DIR ?? './data', 'pglite') });
  await client.waitReady;
  return async (id) => (await client.query(SELECT, [id])).rows;
}

const query = await connect();
const app = Fastify({ logger: false });
app.get('/healthz', async () => ({ ok: true }));
app.get<{ Params: { id: string } }>('/products/:id', async (req, reply) => {
  const [row] = await query(Number(req.params.id));
  if (!row) return reply.code(404).send({ error: 'not found' });
  return row;
});
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
