// The npm package as a partner gets it: built, packed, with what a server and a bundler need and
// nothing else, and types that a TypeScript project compiles against.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
// Under the project, so the consumer finds `lit` in the project's node_modules as it would its own.
const CACHE = join(ROOT, 'tests/.cache');

function run(command: string, args: string[], cwd = ROOT) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
  assert.equal(
    result.status,
    0,
    `${command} ${args.join(' ')}\n${result.stdout}\n${result.stderr}`,
  );
  return result.stdout;
}

const CONSUMER = `import 'two-factor-kit/widget';
import type { TfaEventDetails } from 'two-factor-kit/widget';

const setup = document.createElement('two-factor-setup');
setup.server = 'https://2fa.clinic.example';
setup.token = 'wst_example';
setup.tokenProvider = async () => 'wst_fresh';
setup.addEventListener('tfa-enabled', (event) => {
  const masked: string = event.detail.maskedPhone;
  console.log(masked);
});
// @ts-expect-error the elements' types are their own, not any
setup.server = 42;

const challenge = document.createElement('two-factor-challenge');
challenge.addEventListener('tfa-verified', (event) => {
  const via: TfaEventDetails['tfa-verified']['via'] = event.detail.via;
  const token: string = event.detail.resultToken;
  console.log(via, token);
});
document.body.append(setup, challenge);
`;

test('the package: its files, and types a TypeScript consumer compiles against', {
  timeout: 600_000,
}, async (t) => {
  mkdirSync(CACHE, { recursive: true });
  const dir = mkdtempSync(join(CACHE, 'package-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));

  run('npm', ['run', '-s', 'build']);
  const [packed] = JSON.parse(
    run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir]),
  ) as { filename: string; size: number; unpackedSize: number; files: { path: string }[] }[];
  assert.ok(packed);
  const files = packed.files.map((file) => file.path);

  for (const path of [
    'package.json',
    'README.md',
    'bin/tfa.js',
    'dist/server/main.js',
    'dist/server/cli.js',
    'dist/widget/two-factor.js',
    'dist/widget/custom-elements.json',
    'dist/elements/index.js',
    'dist/elements/index.d.ts',
    'dist/elements/events.d.ts',
    'dist/elements/two-factor-setup.js',
    'dist/elements/two-factor-setup.d.ts',
    'docs/embedding.md',
  ]) {
    assert.ok(files.includes(path), `${path} is in the package`);
  }
  const unwanted = files.filter((path) =>
    /^(docs\/screenshots|tests|scripts|demo|bench|data|node_modules|\.ci)\//.test(path),
  );
  assert.deepEqual(unwanted, []);
  // The docs screenshots alone weighed 2.9 MB. The server bundle, which carries most of its
  // dependencies, is 2.4 MB of the 4.3 (its source maps stay out of the package).
  assert.ok(packed.unpackedSize < 4_500_000, `unpacked ${packed.unpackedSize} bytes`);
  assert.deepEqual(
    files.filter((path) => path.startsWith('dist/server/') && path.endsWith('.map')),
    [],
  );

  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  assert.ok(manifest.dependencies.lit, 'lit is a dependency of the unbundled elements');
  for (const tool of ['esbuild', 'tsx', 'typescript', 'pino-pretty']) {
    assert.equal(manifest.dependencies[tool], undefined, `${tool} is a development tool only`);
  }

  // A partner's project with the package installed from the tarball.
  const consumer = join(dir, 'consumer');
  const installed = join(consumer, 'node_modules/two-factor-kit');
  mkdirSync(installed, { recursive: true });
  run('tar', ['-xzf', join(dir, packed.filename), '-C', installed, '--strip-components=1']);
  writeFileSync(join(consumer, 'main.ts'), CONSUMER);
  writeFileSync(
    join(consumer, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'ESNext',
        moduleResolution: 'bundler',
        lib: ['ES2022', 'DOM'],
        strict: true,
        noEmit: true,
        skipLibCheck: false,
        types: [],
      },
      files: ['main.ts'],
    }),
  );
  run(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', consumer], consumer);

  // And a bundler resolves the unbundled modules, `lit` included.
  const bundled = await esbuild.build({
    entryPoints: [join(consumer, 'main.ts')],
    bundle: true,
    format: 'esm',
    write: false,
    logLevel: 'silent',
  });
  const output = bundled.outputFiles[0]?.text ?? '';
  assert.match(output, /two-factor-setup/);
  assert.match(output, /two-factor-challenge/);
});
