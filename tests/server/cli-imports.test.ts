// The command line starts in seconds on the embedded database only while it loads what its
// commands need: the server app (Fastify, routes, providers) stays out of it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

test('the CLI loads neither the server app nor Fastify', async () => {
  const { metafile } = await esbuild.build({
    entryPoints: [fileURLToPath(new URL('../../server/cli.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'esm',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const inputs = Object.keys(metafile.inputs);
  assert.ok(inputs.some((path) => path.endsWith('server/cli/commands.ts')));
  const heavy = inputs.filter((path) =>
    /(^|\/)(server\/app\.ts|server\/routes\/|server\/providers\/|node_modules\/(fastify|@fastify|plivo|postmark)\/)/.test(
      path,
    ),
  );
  assert.deepEqual(heavy, []);
});
