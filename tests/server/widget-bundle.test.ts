// GET /widget/*: the built elements, for any page (CORS *), cached for long, compressed, and
// nothing else of the folder (no meta.json, no path outside it).
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app.ts';
import { deriveKeys } from '../../server/crypto/keys.ts';
import type { DatabaseHandle } from '../../server/db/connect.ts';
import { testConfig } from '../helpers/build-app.ts';
import { openTestDatabase } from '../helpers/test-database.ts';

const ENTRY = 'export const entry = "two-factor";\n'.repeat(20);
const CHUNK = 'export const chunk = "fr";\n'.repeat(20);
const BUILD_BROTLI = brotliCompressSync(CHUNK, {
  params: { [constants.BROTLI_PARAM_QUALITY]: 1 },
});

describe('GET /widget/*', () => {
  let database: DatabaseHandle;
  let dir: string;
  let app: FastifyInstance;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tfa-bundle-'));
    mkdirSync(join(dir, 'chunks'));
    writeFileSync(join(dir, 'two-factor.js'), ENTRY);
    writeFileSync(join(dir, 'chunks', 'fr-ABC123.js'), CHUNK);
    // The build writes a brotli copy beside each file; this one at a quality of its own, to tell.
    writeFileSync(join(dir, 'chunks', 'fr-ABC123.js.br'), BUILD_BROTLI);
    writeFileSync(join(dir, 'custom-elements.json'), '{"schemaVersion":"1.0.0","modules":[]}');
    writeFileSync(join(dir, 'meta.json'), '{"inputs":{}}');
    database = await openTestDatabase('pglite');
    app = await buildApp({
      config: testConfig({ LOG_LEVEL: 'warn' }),
      database,
      keys: deriveKeys(randomBytes(32)),
      widgetDir: dir,
    });
    await app.ready();
  });
  after(async () => {
    await app.close();
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('serves the entry to any origin as JavaScript, revalidated daily by its ETag', async () => {
    const response = await app.inject({
      url: '/widget/two-factor.js',
      headers: { origin: 'https://any-partner.example' },
    });
    assert.equal(response.statusCode, 200);
    assert.equal(response.body, ENTRY);
    assert.equal(response.headers['access-control-allow-origin'], '*');
    assert.equal(response.headers['access-control-allow-credentials'], undefined);
    assert.match(String(response.headers['content-type']), /^text\/javascript/);
    assert.match(String(response.headers['cache-control']), /max-age=86400\b/);
    const etag = String(response.headers.etag);
    const again = await app.inject({
      url: '/widget/two-factor.js',
      headers: { 'if-none-match': etag },
    });
    assert.equal(again.statusCode, 304);
    assert.equal(again.body, '');
  });

  test("sends the build's brotli copy as it is, compressing only what has none", async () => {
    const chunk = await app.inject({
      url: '/widget/chunks/fr-ABC123.js',
      headers: { 'accept-encoding': 'br' },
    });
    assert.deepEqual(chunk.rawPayload, BUILD_BROTLI);
    assert.equal(brotliDecompressSync(chunk.rawPayload).toString(), CHUNK);
    assert.equal((await app.inject('/widget/chunks/fr-ABC123.js.br')).statusCode, 404);
  });

  test('caches the hashed chunks for a year, immutable', async () => {
    const response = await app.inject('/widget/chunks/fr-ABC123.js');
    assert.equal(response.statusCode, 200);
    assert.equal(response.body, CHUNK);
    assert.equal(response.headers['cache-control'], 'public, max-age=31536000, immutable');
  });

  test('sends brotli to a browser that accepts it', async () => {
    const response = await app.inject({
      url: '/widget/two-factor.js',
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    assert.equal(response.headers['content-encoding'], 'br');
    assert.equal(response.headers.vary, 'accept-encoding');
    assert.equal(brotliDecompressSync(response.rawPayload).toString(), ENTRY);
    assert.ok(response.rawPayload.length < ENTRY.length);
  });

  test('serves the manifest as JSON', async () => {
    const response = await app.inject('/widget/custom-elements.json');
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /^application\/json/);
    assert.equal(response.json().schemaVersion, '1.0.0');
  });

  for (const path of [
    '/widget/meta.json',
    '/widget/missing.js',
    '/widget/../package.json',
    '/widget/%2e%2e/package.json',
    '/widget/chunks/../../package.json',
  ]) {
    test(`404 not_found in the error shape for ${path}`, async () => {
      const response = await app.inject(path);
      assert.equal(response.statusCode, 404);
      assert.equal(response.json().error.code, 'not_found');
    });
  }
});
