import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../platform/config.js';
import type { Db } from '../../platform/db/client.js';
import { notFound } from '../../platform/errors.js';
import type { Storage } from '../../platform/storage.js';

export interface RepairCenterDeps {
  db: Db;
  storage: Storage;
  config: Config;
}

export const html = (reply: FastifyReply, status = 200) => reply.code(status).type('text/html; charset=utf-8');
export const idParam = (req: FastifyRequest<{ Params: { id: string } }>) => {
  const id = Number(req.params.id);
  if (!/^\d{1,9}$/.test(req.params.id) || id <= 0) throw notFound();
  return id;
};
