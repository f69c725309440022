// docs/api.md against the server's OpenAPI document: every route the server serves is documented
// as `METHOD /path`, with `:name` for path parameters.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { describeEachDatabase } from '../helpers/build-app.ts';

const API_DOC = readFileSync(new URL('../../docs/api.md', import.meta.url), 'utf8');

/** `/v1/users/{userId}` → `/v1/users/:userId`; `/widget/{*}` → `/widget/*`. */
function documentedPath(openApiPath: string) {
  return openApiPath.replace(/\{\*\}/g, '*').replace(/\{(\w+)\}/g, ':$1');
}

describeEachDatabase('docs/api.md covers the OpenAPI document', ({ build }) => {
  test('every route appears as `METHOD /path`', async (t) => {
    const app = await build(t);
    const spec = (await app.inject('/openapi.json')).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const routes = Object.entries(spec.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${documentedPath(path)}`),
    );
    assert.ok(routes.length > 20, 'the document lists the routes');
    const missing = routes.filter((route) => !API_DOC.includes(`\`${route}\``));
    assert.deepEqual(missing, [], 'routes missing from docs/api.md');
  });
});
