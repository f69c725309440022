// docs/styling.md lists every part and custom property of both elements, and nothing else: its
// tables must equal the Custom Elements Manifest the build writes from the classes' JSDoc.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildWidget } from '../../scripts/build-widget.ts';

const ELEMENTS = ['two-factor-setup', 'two-factor-challenge'] as const;
const DOC = new URL('../../docs/styling.md', import.meta.url);

interface Declaration {
  tagName?: string;
  cssParts?: { name: string }[];
  cssProperties?: { name: string }[];
}

/** The rows of the first table under `## heading`, as arrays of trimmed cells. */
function tableUnder(markdown: string, heading: string) {
  const section = markdown.split(/^## /m).find((part) => part.startsWith(`${heading}\n`));
  assert.ok(section, `docs/styling.md has a "## ${heading}" section`);
  const lines = section.split('\n');
  const start = lines.findIndex((line) => line.startsWith('|'));
  assert.ok(start >= 0, `a table under "## ${heading}"`);
  const rows: string[][] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(
      line
        .replace(/\\\|/g, '\u0000')
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim()),
    );
  }
  return {
    header: lines[start]
      ?.split('|')
      .slice(1, -1)
      .map((cell) => cell.trim()),
    rows,
  };
}

/** `` `name` `` → `name`. */
function codeName(cell: string | undefined) {
  const name = cell?.match(/^`([^`]+)`$/)?.[1];
  assert.ok(name, `a \`name\` in the first cell, not ${cell}`);
  return name;
}

const sorted = (names: Iterable<string>) => [...names].sort();

describe('docs/styling.md', () => {
  let outdir: string;
  let declarations: Map<string, Declaration>;
  let markdown: string;

  before(async () => {
    outdir = mkdtempSync(join(tmpdir(), 'tfa-styling-docs-'));
    await buildWidget({ outdir, manifest: true });
    const manifest = JSON.parse(readFileSync(join(outdir, 'custom-elements.json'), 'utf8')) as {
      modules: { declarations?: Declaration[] }[];
    };
    declarations = new Map(
      manifest.modules
        .flatMap((module) => module.declarations ?? [])
        .filter((declaration) => declaration.tagName)
        .map((declaration) => [declaration.tagName as string, declaration]),
    );
    markdown = readFileSync(DOC, 'utf8');
  });

  after(() => rmSync(outdir, { recursive: true, force: true }));

  for (const [column, tagName] of ELEMENTS.entries()) {
    it(`lists exactly the parts the manifest gives <${tagName}>`, () => {
      const { header, rows } = tableUnder(markdown, 'Every part');
      assert.equal(header?.[column + 1], `\`<${tagName}>\``);
      const documented = rows
        .filter((row) => row[column + 1] === '✓')
        .map((row) => codeName(row[0]));
      const manifest = (declarations.get(tagName)?.cssParts ?? []).map((part) => part.name);
      assert.ok(manifest.length > 40, `the manifest has the parts of <${tagName}>`);
      assert.deepEqual(sorted(documented), sorted(new Set(manifest)));
    });

    it(`lists exactly the custom properties the manifest gives <${tagName}>`, () => {
      const { rows } = tableUnder(markdown, 'Every custom property');
      const documented = rows.map((row) => codeName(row[0]));
      const manifest = (declarations.get(tagName)?.cssProperties ?? []).map((entry) => entry.name);
      assert.ok(manifest.length > 10, `the manifest has the properties of <${tagName}>`);
      assert.deepEqual(sorted(documented), sorted(manifest));
    });
  }

  it('lists each part once, for at least one element', () => {
    const { rows } = tableUnder(markdown, 'Every part');
    const names = rows.map((row) => codeName(row[0]));
    assert.equal(new Set(names).size, names.length);
    for (const row of rows) assert.ok(row[1] === '✓' || row[2] === '✓', `${row[0]} is marked`);
  });
});
