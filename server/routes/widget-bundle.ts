import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync } from 'node:zlib';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError } from '../errors.ts';
import { errorResponses } from './schemas.ts';

// Two folders up is the project from the sources, or its dist/ once compiled by `npm run build`.
const aboveRoutes = fileURLToPath(new URL('../../', import.meta.url));
export const DEFAULT_WIDGET_DIR =
  basename(aboveRoutes) === 'dist'
    ? join(aboveRoutes, 'widget')
    : join(aboveRoutes, 'dist', 'widget');

// Chunk names carry a content hash, so they never change: cache for a year. The entry's name is
// fixed, so caches keep it a day and then revalidate with its ETag (cheap: a 304).
const CHUNK_CACHE = 'public, max-age=31536000, immutable';
const ENTRY_CACHE = 'public, max-age=86400, stale-while-revalidate=604800';

interface BundleFile {
  body: Buffer;
  brotli: Buffer;
  etag: string;
  type: string;
  cache: string;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/** A build running beside a starting server may remove a file between listing and reading it. */
function readIfStillThere(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/** The built bundle and its brotli copies, read once at start; an empty map when it is not built. */
export function loadBundle(dir: string): Map<string, BundleFile> {
  const files = new Map<string, BundleFile>();
  let paths: string[];
  try {
    paths = listFiles(dir);
  } catch {
    return files;
  }
  for (const path of paths) {
    const name = relative(dir, path).split('\\').join('/');
    if (!/\.(js|json)$/.test(name) || name === 'meta.json') continue;
    const body = readIfStillThere(path);
    if (!body) continue;
    files.set(name, {
      body,
      // Compressed by the build (scripts/build-widget.ts); here only for a bundle built without.
      brotli: readIfStillThere(`${path}.br`) ?? brotliCompressSync(body),
      etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
      type: name.endsWith('.json') ? 'application/json' : 'text/javascript; charset=utf-8',
      cache: name.startsWith('chunks/') ? CHUNK_CACHE : ENTRY_CACHE,
    });
  }
  return files;
}

/** `GET /widget/two-factor.js` and its chunks: any page may load them (CORS `*`). */
export const widgetBundleRoutes: FastifyPluginAsyncTypebox<{ dir?: string }> = async (
  app,
  options,
) => {
  const files = loadBundle(options.dir ?? DEFAULT_WIDGET_DIR);
  if (files.size === 0) app.log.warn('the widget bundle is not built: run npm run build:widget');

  app.get(
    '/widget/*',
    {
      schema: {
        tags: ['widget'],
        summary: 'The elements: two-factor.js, its chunks and custom-elements.json',
        params: Type.Object({ '*': Type.String({ maxLength: 200 }) }),
        response: {
          200: Type.Any({ description: 'JavaScript, or JSON for the manifest' }),
          304: Type.Any({ description: 'Not modified (ETag)' }),
          ...errorResponses(404),
        },
      },
    },
    async (request, reply) => {
      const file = files.get(request.params['*']);
      if (!file) throw new AppError('not_found', { message: 'No such widget file.' });
      reply
        .header('access-control-allow-origin', '*')
        .header('cache-control', file.cache)
        .header('etag', file.etag)
        .header('vary', 'accept-encoding')
        .type(file.type);
      if (request.headers['if-none-match'] === file.etag) return reply.status(304).send();
      if (/\bbr\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
        return reply.header('content-encoding', 'br').send(file.brotli);
      }
      return reply.send(file.body);
    },
  );
};
