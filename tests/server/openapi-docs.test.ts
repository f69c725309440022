// The API reference at /docs: Swagger UI shows each body's example (without one it invents values
// from the schema's patterns), under a policy that lets it render.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app.ts';
import { deriveKeys } from '../../server/crypto/keys.ts';
import { testConfig } from '../helpers/build-app.ts';
import { openTestDatabase } from '../helpers/test-database.ts';

interface Media {
  schema?: Record<string, unknown>;
  example?: unknown;
  examples?: Record<string, { value: unknown }>;
}
type Operation = {
  requestBody?: { content: Record<string, Media> };
  responses?: Record<string, { content?: Record<string, Media> }>;
  parameters?: { name: string; in: string; example?: unknown; schema: { examples?: unknown[] } }[];
};

type OpenApi = { paths: Record<string, Record<string, Operation>> };

let app: FastifyInstance;
let spec: OpenApi;
before(async () => {
  const database = await openTestDatabase('pglite');
  app = await buildApp({
    config: testConfig({ LOG_LEVEL: 'warn' }),
    database,
    keys: deriveKeys(randomBytes(32)),
  });
  app.addHook('onClose', () => database.close());
  spec = (await app.inject('/openapi.json')).json();
});
after(() => app.close());

function bodies() {
  return Object.entries(spec.paths).flatMap(([path, operations]) =>
    Object.entries(operations).flatMap(([method, operation]) => {
      const route = `${method.toUpperCase()} ${path}`;
      const request = Object.entries(operation.requestBody?.content ?? {}).map(([type, media]) => ({
        where: `${route} request (${type})`,
        media,
      }));
      const answers = Object.entries(operation.responses ?? {}).flatMap(([status, answer]) =>
        Object.entries(answer.content ?? {}).map(([type, media]) => ({
          where: `${route} ${status} (${type})`,
          media,
        })),
      );
      return [...request, ...answers];
    }),
  );
}

function examplesOf(media: Media): unknown[] {
  if (media.example !== undefined) return [media.example];
  if (media.examples) return Object.values(media.examples).map((example) => example.value);
  const inSchema = media.schema?.examples;
  return Array.isArray(inSchema) ? inSchema : [];
}

test('every body in /openapi.json has an example its schema accepts', async () => {
  const all = bodies();
  assert.ok(all.length > 100, `the document has its bodies (${all.length})`);
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats.default(ajv);
  const problems = all.flatMap(({ where, media }) => {
    const examples = examplesOf(media);
    if (examples.length === 0) return [`${where}: no example`];
    const validate = ajv.compile(media.schema ?? {});
    return examples.flatMap((example) =>
      validate(example) ? [] : [`${where}: ${ajv.errorsText(validate.errors)}`],
    );
  });
  assert.deepEqual(problems, []);
});

test('path and query parameters have examples', async () => {
  const missing = Object.entries(spec.paths).flatMap(([path, operations]) =>
    Object.entries(operations).flatMap(([method, operation]) =>
      (operation.parameters ?? [])
        .filter((parameter) => ['path', 'query'].includes(parameter.in))
        .filter(
          (parameter) => parameter.example === undefined && !parameter.schema.examples?.length,
        )
        .map((parameter) => `${method.toUpperCase()} ${path} ${parameter.name}`),
    ),
  );
  assert.deepEqual(missing, []);
});

test('/docs has a policy of its own that lets Swagger UI render; the API keeps the default', async () => {
  const page = await app.inject('/docs/');
  assert.equal(page.statusCode, 200);
  const policy = String(page.headers['content-security-policy']);
  assert.match(policy, /style-src 'self' 'unsafe-inline'/);
  assert.match(policy, /connect-src 'self' http:\/\/localhost:4000/);
  assert.match(policy, /script-src 'self';/);
  assert.doesNotMatch(policy, /unsafe-eval/);
  const api = String((await app.inject('/healthz')).headers['content-security-policy']);
  assert.match(api, /default-src 'self'/);
  assert.doesNotMatch(api, /connect-src/);
});
