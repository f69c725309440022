// The size budgets of the elements (bytes are deterministic, so they can be checked here): the
// first load, everything fetched before the phone screen can be used; each language; and all that
// one page can ever fetch (every chunk but the other languages').
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { brotliCompressSync } from 'node:zlib';
import type { Metafile } from 'esbuild';
import { buildWidget } from '../../scripts/build-widget.ts';
import { supportedLocales } from '../../widget/i18n/catalogue.ts';

const FIRST_LOAD_BUDGET_BYTES = 20 * 1024;
// 36 KB before the authenticator app, whose screens and QR library (lean-qr/nano, ~2 KB) add ~3.5 KB;
// the phone field in a chunk of its own (3.6 KB out of the first load) adds ~1.1 KB of chunk overhead.
const ONE_PAGE_BUDGET_BYTES = 41 * 1024;
const LANGUAGE_BUDGET_BYTES = 2.5 * 1024;
const LANGUAGES = supportedLocales.join('|').toLowerCase();
/** A language's first-screens catalogue: `widget/i18n/fr.ts`, `widget/i18n/en-first.ts`… */
const CATALOGUE = new RegExp(`widget/i18n/(${LANGUAGES})(?:-first)?\\.ts$`);
/** A language's later-screens messages: `widget/i18n/later/fr.ts`… */
const LATER_CATALOGUE = new RegExp(`widget/i18n/later/(${LANGUAGES})\\.ts$`);

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

  const chunksOf = (source: RegExp) =>
    outputs().filter((path) =>
      Object.keys(metafile.outputs[path]?.inputs ?? {}).some((input) => source.test(input)),
    );
  /** Chunks holding a language's first-screens catalogue, one per language. */
  const languageChunks = () => chunksOf(CATALOGUE);
  /** Chunks holding a language's later-screens messages. */
  const laterLanguageChunks = () => chunksOf(LATER_CATALOGUE);
  /** The language of a catalogue chunk. */
  const languageOf = (path: string) =>
    Object.keys(metafile.outputs[path]?.inputs ?? {})
      .map((input) => input.match(CATALOGUE) ?? input.match(LATER_CATALOGUE))
      .find(Boolean)?.[1];

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
    assert.equal(languageChunks().length, supportedLocales.length, 'one lazy chunk per language');
    for (const path of languageChunks()) {
      const inputs = Object.keys(metafile.outputs[path]?.inputs ?? {});
      assert.equal(
        inputs.filter((input) => CATALOGUE.test(input)).length,
        1,
        `${path}: one language`,
      );
    }
    assert.ok(
      ![...languageChunks(), ...laterLanguageChunks()].some((path) => closure.has(path)),
      'no language in the first load',
    );
    assert.equal(laterLanguageChunks().length, supportedLocales.length, 'and one later chunk each');
    assert.ok(firstLoad <= FIRST_LOAD_BUDGET_BYTES, `first load ${firstLoad} B`);
  });

  it('keeps each language chunk within 2.5 KB brotli', () => {
    for (const path of [...languageChunks(), ...laterLanguageChunks()]) {
      const bytes = brotli(path);
      console.log(`  ${relative(outdir, resolve(path))}: ${bytes} B brotli`);
      assert.ok(bytes <= LANGUAGE_BUDGET_BYTES, `${path}: ${bytes} B`);
    }
  });

  it('keeps all one page can fetch, in its largest language, within 41 KB brotli', () => {
    const languages = new Set([...languageChunks(), ...laterLanguageChunks()]);
    const sizes = outputs().map((path) => [relative(outdir, resolve(path)), brotli(path)] as const);
    for (const [path, bytes] of sizes) console.log(`  ${path}: ${bytes} B brotli`);
    const shared = outputs()
      .filter((path) => !languages.has(path))
      .reduce((sum, path) => sum + brotli(path), 0);
    // A page speaks one language: both its chunks, the first screens' and the later ones'.
    const perLanguage = new Map<string, number>();
    for (const path of languages) {
      const language = languageOf(path) ?? path;
      perLanguage.set(language, (perLanguage.get(language) ?? 0) + brotli(path));
    }
    const onePage = shared + Math.max(...perLanguage.values());
    console.log(`one page: ${onePage} B brotli of ${ONE_PAGE_BUDGET_BYTES} B`);
    assert.ok(onePage <= ONE_PAGE_BUDGET_BYTES, `one page ${onePage} B`);
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
    for (const module of ['screens/later-screens', 'manage-journeys', 'i18n/plural'])
      assert.ok(
        !eager.some((input) => input.includes(module)),
        `${module} is not in the first load`,
      );
    assert.ok(eager.some((input) => input.includes('screens/phone-screen')));
    // The challenge's first screen is a code screen: it is in the first load.
    assert.ok(eager.some((input) => input.includes('screens/code-screen')));
    assert.ok(eager.some((input) => input.includes('controls/code-field')));
    // The phone field (picker, search) loads once the setup's first screen shows.
    assert.ok(!eager.some((input) => input.includes('controls/phone-field')));
    assert.ok(!eager.some((input) => input.includes('controls/country-picker')));
  });
});
