import { readFile } from 'node:fs/promises';
import type { FastifyPluginAsync } from 'fastify';

const assets = {
  'demo.css': 'text/css; charset=utf-8',
  'demo.js': 'text/javascript; charset=utf-8',
} as const;

/** The one stylesheet and the one script, read once from `demo/public/`. */
export const assetRoutes: FastifyPluginAsync = async (app) => {
  for (const [name, type] of Object.entries(assets)) {
    const content = await readFile(new URL(`../public/${name}`, import.meta.url));
    app.get(`/assets/${name}`, async (_request, reply) =>
      reply.type(type).header('cache-control', 'no-cache').send(content),
    );
  }
};
