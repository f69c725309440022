// The size budgets of the elements (bytes are deterministic, so they can be checked here): the
// first load, everything fetched before the phone screen can be used, and all chunks together.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { brotliCompressSync } from 'node:zlib';
import type { Metafile } from 'esbuild';
import { buildWidget } from '../../scripts/build-widget.ts';

const FIRST_LOAD_BUDGET_BYTES = 20 * 1024;
const ALL_CHUNKS_BUDGET_BYTES = 45 * 1024;

describe('widget bundle size', () => {
  let outdir: string;
  let metafile: Metafile;
  const brotli = (path: string) => brotliCompressSync(readFileSync(path)).length;
  const outputs = () => Object.keys(metafile.outputs).filter((path) => path.endsWith('.js'));
  const entry = () => {
    const found = outputs().find((path) => path.endsWith('/two-factor.js'));
    assert.ok(found, 'the entry two-factor.js is built');
    return found;
  };

  /** The entry and every chunk it imports statically, transitively. */
  const staticClosure = (start: string) => {
    const seen = new Set<string>();
    const visit = (path: string) => {
      if (seen.has(path)) return;
      seen.add(path);
      for (const imported of metafile.outputs[path]?.imports ?? []) {
        if (imported.kind === 'import-statement') visit(imported.path);
      }
    };
    visit(start);
    return seen;
  };

  /** Chunks holding a language catalogue (en, fr, de, es). */
  const languageChunks = () =>
    outputs().filter((path) =>
      Object.keys(metafile.outputs[path]?.inputs ?? {}).some((input) =>
        /widget\/i18n\/(en|fr|de|es)\.ts$/.test(input),
      ),
    );

  before(async () => {
    outdir = mkdtempSync(join(tmpdir(), 'tfa-widget-'));
    metafile = await buildWidget({ outdir, manifest: false });
  });
  after(() => rmSync(outdir, { recursive: true, force: true }));

  it('keeps the first load, Lit included, within 20 KB brotli', () => {
    const closure = staticClosure(entry());
    const language = Math.max(...languageChunks().map(brotli));
    const staticBytes = [...closure].reduce((sum, path) => sum + brotli(path), 0);
    // A page also fetches its language's catalogue before the phone screen shows.
    const firstLoad = staticBytes + language;
    console.log(
      `first load: ${staticBytes} B brotli (${closure.size} files) + largest language chunk ` +
        `${language} B = ${firstLoad} B of ${FIRST_LOAD_BUDGET_BYTES} B`,
    );
    assert.equal(languageChunks().length, 4, 'en, fr, de and es are lazy chunks');
    assert.ok(!languageChunks().some((path) => closure.has(path)), 'no language in the first load');
    assert.ok(firstLoad <= FIRST_LOAD_BUDGET_BYTES, `first load ${firstLoad} B`);
  });

  it('keeps all chunks together within 45 KB brotli', () => {
    const sizes = outputs().map((path) => [relative(outdir, resolve(path)), brotli(path)] as const);
    const total = sizes.reduce((sum, [, bytes]) => sum + bytes, 0);
    for (const [path, bytes] of sizes) console.log(`  ${path}: ${bytes} B brotli`);
    console.log(`all chunks: ${total} B brotli of ${ALL_CHUNKS_BUDGET_BYTES} B`);
    assert.ok(total <= ALL_CHUNKS_BUDGET_BYTES, `all chunks ${total} B`);
  });

  it('loads the phone formatting rules lazily', () => {
    const closure = staticClosure(entry());
    const eager = [...closure].flatMap((path) => Object.keys(metafile.outputs[path]?.inputs ?? {}));
    assert.ok(!eager.some((input) => input.includes('phone-formats.generated')));
    assert.ok(eager.some((input) => input.includes('calling-codes.generated')));
  });

  it('loads the screens after the phone screen, and the management logic, lazily', () => {
    const closure = staticClosure(entry());
    const eager = [...closure].flatMap((path) => Object.keys(metafile.outputs[path]?.inputs ?? {}));
    for (const module of ['screens/later-screens', 'manage-journeys', 'controls/code-field'])
      assert.ok(
        !eager.some((input) => input.includes(module)),
        `${module} is not in the first load`,
      );
    assert.ok(eager.some((input) => input.includes('screens/phone-screen')));
  });
});
