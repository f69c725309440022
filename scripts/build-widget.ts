// Builds the elements into dist/widget/: one ES module entry (two-factor.js) and lazy chunks
// (languages, phone formatting), minified; and custom-elements.json from the classes' JSDoc.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

export const WIDGET_DIR = fileURLToPath(new URL('../dist/widget/', import.meta.url));
export const WIDGET_ENTRY = 'two-factor.js';

export async function buildWidget({ outdir = WIDGET_DIR, manifest = true } = {}) {
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  const result = await esbuild.build({
    entryPoints: { 'two-factor': fileURLToPath(new URL('../widget/index.ts', import.meta.url)) },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    target: 'es2022',
    conditions: ['production'],
    chunkNames: 'chunks/[name]-[hash]',
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
  });
  writeFileSync(join(outdir, 'meta.json'), JSON.stringify(result.metafile));
  if (manifest) writeManifest(outdir);
  return result.metafile;
}

function writeManifest(outdir: string) {
  const analyzer = fileURLToPath(
    new URL('../node_modules/@custom-elements-manifest/analyzer/cem.js', import.meta.url),
  );
  execFileSync(
    process.execPath,
    [
      analyzer,
      'analyze',
      '--globs',
      'widget/**/*.ts',
      '--exclude',
      'widget/**/*.generated.ts',
      '--outdir',
      outdir,
      '--quiet',
    ],
    { stdio: 'inherit', cwd: fileURLToPath(new URL('..', import.meta.url)) },
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const metafile = await buildWidget();
  for (const [path, output] of Object.entries(metafile.outputs)) {
    if (path.endsWith('.js')) console.log(`${path}  ${output.bytes} bytes`);
  }
}
