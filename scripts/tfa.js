// `npm run tfa`: the command line from the TypeScript sources. esbuild bundles server/cli.ts into
// one file first (a tenth of a second), then plain node runs it: loading the same sources through
// tsx's hooks cost every command several seconds more.
import { rmSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = new URL('../', import.meta.url);
const outfile = fileURLToPath(new URL(`node_modules/.cache/tfa/cli-${process.pid}.mjs`, root));
await build({
  entryPoints: [fileURLToPath(new URL('server/cli.ts', root))],
  outfile,
  bundle: true,
  packages: 'external',
  platform: 'node',
  format: 'esm',
  target: 'node24',
  sourcemap: 'inline',
  logLevel: 'warning',
});
try {
  await import(pathToFileURL(outfile).href);
} finally {
  rmSync(outfile, { force: true });
}
