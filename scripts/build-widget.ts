// Builds the elements into dist/widget/: one ES module entry (two-factor.js) and lazy chunks
// (languages, phone formatting), minified; and custom-elements.json from the classes' JSDoc.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync } from 'node:zlib';
import * as analyzer from '@custom-elements-manifest/analyzer';
// @ts-expect-error The analyzer ships its Lit plugin (attributes from `@property`) without types.
import { litPlugin } from '@custom-elements-manifest/analyzer/src/features/framework-plugins/lit/lit.js';
import * as esbuild from 'esbuild';

// The package exports these but its types omit them.
const { create, ts } = analyzer as unknown as {
  create: (options: { modules: unknown[]; plugins: unknown[] }) => { modules: unknown[] };
  ts: typeof import('typescript');
};

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
    // Module scripts are always read as UTF-8; escaping Arabic or Chinese as \uXXXX would triple
    // their language chunks before compression and add a sixth after it.
    charset: 'utf8',
    metafile: true,
    logLevel: 'warning',
  });
  writeFileSync(join(outdir, 'meta.json'), JSON.stringify(result.metafile));
  if (manifest) writeManifest(outdir);
  writeBrotliCopies(outdir);
  return result.metafile;
}

/** `<file>.br` beside each served file, so the server sends them without compressing at start. */
function writeBrotliCopies(outdir: string) {
  for (const entry of readdirSync(outdir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.(js|json)$/.test(entry.name) || entry.name === 'meta.json') continue;
    const path = join(entry.parentPath, entry.name);
    writeFileSync(`${path}.br`, brotliCompressSync(readFileSync(path)));
  }
}

// The analyzer's API, not its CLI: the CLI joins an absolute --outdir onto the working directory
// and rewrites package.json's `customElements` on every run.
/** The Custom Elements Manifest of widget/, from the classes' JSDoc. */
export function widgetManifest() {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const files = readdirSync(join(root, 'widget'), { recursive: true, encoding: 'utf8' })
    // The messages are data, not API: in the manifest they only weighed, twice over.
    .filter(
      (file) =>
        file.endsWith('.ts') && !file.endsWith('.generated.ts') && !file.startsWith(`i18n${sep}`),
    )
    .sort()
    .map((file) => `widget/${file.split(sep).join('/')}`);
  const modules = files.map((path) =>
    ts.createSourceFile(path, readFileSync(join(root, path), 'utf8'), ts.ScriptTarget.ES2015, true),
  );
  return create({ modules, plugins: litPlugin() });
}

function writeManifest(outdir: string) {
  writeFileSync(join(outdir, 'custom-elements.json'), `${JSON.stringify(widgetManifest())}\n`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const metafile = await buildWidget();
  for (const [path, output] of Object.entries(metafile.outputs)) {
    if (path.endsWith('.js')) console.log(`${path}  ${output.bytes} bytes`);
  }
}
