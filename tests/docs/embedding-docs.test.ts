// docs/embedding.md against the elements' Custom Elements Manifest: every attribute, public
// property and event of <two-factor-setup> and <two-factor-challenge> is documented, and the docs
// name none that the elements lack. Also its list of `strings` keys against the English catalogue.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { buildWidget } from '../../scripts/build-widget.ts';
import { en } from '../../widget/i18n/en.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DOC = readFileSync(join(ROOT, 'docs/embedding.md'), 'utf8');

const ELEMENTS = {
  'two-factor-setup': 'TwoFactorSetup',
  'two-factor-challenge': 'TwoFactorChallenge',
} as const;
type Tag = keyof typeof ELEMENTS;
const TAGS = Object.keys(ELEMENTS) as Tag[];

interface ManifestField {
  kind: string;
  name: string;
  privacy?: string;
  static?: boolean;
  attribute?: string;
}
interface ManifestDeclaration {
  kind: string;
  name: string;
  tagName?: string;
  attributes?: { name: string; fieldName?: string }[];
  members?: ManifestField[];
  events?: { name: string }[];
}
interface Manifest {
  modules: { declarations?: ManifestDeclaration[] }[];
}

/** What the manifest says one element has. */
interface ElementApi {
  attributes: Set<string>;
  /** Public instance properties, with their attribute when the manifest names one. */
  properties: Map<string, string | undefined>;
  events: Set<string>;
}

/** The rows of the first Markdown table under `## heading`, as cells. */
/** The rows of the section's first table, or of the one whose header starts with `header`. */
function tableRows(heading: string, header = '|'): string[][] {
  const start = DOC.indexOf(`\n## ${heading}\n`);
  assert.ok(start >= 0, `docs/embedding.md has a "## ${heading}" section`);
  const rest = DOC.slice(start + heading.length + 5);
  const end = rest.search(/\n## /);
  const lines = (end < 0 ? rest : rest.slice(0, end)).split('\n');
  const first = lines.findIndex((line) => line.startsWith(header));
  assert.ok(first >= 0, `the "${heading}" section has a table`);
  const rows: string[][] = [];
  for (const line of lines.slice(first + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(
      line
        .split(/(?<!\\)\|/)
        .slice(1, -1)
        .map((cell) => cell.replace(/\\\|/g, '|').trim()),
    );
  }
  return rows;
}

/** The `tfa-` event names of one interface of widget/events.ts. */
function typedEvents(name: 'TfaEventDetails' | 'TfaControlEventDetails'): string[] {
  const source = readFileSync(join(ROOT, 'widget/events.ts'), 'utf8');
  const body = new RegExp(`interface ${name} \\{\\n([\\s\\S]*?)\\n\\}`).exec(source)?.[1];
  assert.ok(body, `widget/events.ts declares ${name}`);
  return [...body.matchAll(/^\s*'(tfa-[a-z-]+)':/gm)].map((match) => match[1] ?? '');
}

/** The name in a cell that holds one code span, or undefined for "—". */
function codeName(cell: string | undefined): string | undefined {
  const match = /^`([^`]+)`$/.exec(cell ?? '');
  return match?.[1];
}

/**
 * Property → attribute as the `@property()` decorators of the elements' sources declare it (Lit's
 * default is the lowercased name; `attribute: false` is none). Used only when the manifest lists
 * no attribute at all, as the analyzer does without its Lit plugin.
 */
function declaredAttributes(): Map<string, string | undefined> {
  const declared = new Map<string, string | undefined>();
  for (const file of ['two-factor-element.ts', 'two-factor-setup.ts', 'two-factor-challenge.ts']) {
    const source = readFileSync(join(ROOT, 'widget', file), 'utf8');
    for (const [, options = '', name = ''] of source.matchAll(
      /@property\((\{[^)]*\})?\)\s*accessor\s+(\w+)/g,
    )) {
      const named = /attribute:\s*'([^']+)'/.exec(options)?.[1];
      const none = /attribute:\s*false/.test(options);
      declared.set(name, none ? undefined : (named ?? name.toLowerCase()));
    }
  }
  return declared;
}

/** The manifest as `npm run build:widget` writes it, built into a temporary folder. */
async function buildManifest(): Promise<Manifest> {
  const outdir = mkdtempSync(join(tmpdir(), 'tfa-manifest-'));
  try {
    await buildWidget({ outdir, manifest: true });
    return JSON.parse(readFileSync(join(outdir, 'custom-elements.json'), 'utf8')) as Manifest;
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

function elementApi(manifest: Manifest, tag: Tag): ElementApi {
  const declaration = manifest.modules
    .flatMap((module) => module.declarations ?? [])
    .find(
      (candidate) =>
        candidate.kind === 'class' &&
        (candidate.tagName === tag || candidate.name === ELEMENTS[tag]),
    );
  assert.ok(declaration, `the manifest declares <${tag}>`);
  const attributes = new Set((declaration.attributes ?? []).map((attribute) => attribute.name));
  const declared = attributes.size === 0 ? declaredAttributes() : undefined;
  const properties = new Map<string, string | undefined>();
  for (const member of declaration.members ?? []) {
    if (member.kind !== 'field' || member.static) continue;
    if ((member.privacy ?? 'public') !== 'public' || member.name.startsWith('#')) continue;
    const attribute = member.attribute ?? declared?.get(member.name);
    properties.set(member.name, attribute);
    if (declared && attribute) attributes.add(attribute);
  }
  return {
    attributes,
    properties,
    events: new Set((declaration.events ?? []).map((event) => event.name)),
  };
}

describe('docs/embedding.md covers the Custom Elements Manifest', () => {
  const apis = new Map<Tag, ElementApi>();

  before(async () => {
    const manifest = await buildManifest();
    for (const tag of TAGS) apis.set(tag, elementApi(manifest, tag));
  });

  function api(tag: Tag): ElementApi {
    const found = apis.get(tag);
    assert.ok(found, `manifest entry of <${tag}>`);
    return found;
  }

  /** `| Attribute | Property | …` rows: both elements take every one. */
  function documentedMembers() {
    return tableRows('Attributes and properties').map(([attribute, property]) => ({
      attribute: codeName(attribute),
      property: codeName(property),
    }));
  }

  /** `| Event | Fired by | detail | When |` rows: the elements each event names. */
  function documentedEvents() {
    return tableRows('Events').map(([event, firedBy = '']) => ({
      event: codeName(event),
      tags: TAGS.filter((tag) => firedBy.includes(`<${tag}>`)),
    }));
  }

  test('the tables parse', () => {
    const members = documentedMembers();
    assert.ok(members.length > 0);
    for (const row of members) assert.ok(row.property, 'each row names its property');
    const events = documentedEvents();
    assert.ok(events.length > 0);
    for (const row of events) {
      assert.ok(row.event, 'each row names its event');
      assert.ok(row.tags.length > 0, `${row.event}: "Fired by" names an element`);
    }
  });

  test('every public property is documented, with its attribute', () => {
    const members = documentedMembers();
    for (const tag of TAGS) {
      for (const [property, attribute] of api(tag).properties) {
        const row = members.find((member) => member.property === property);
        assert.ok(row, `<${tag}> property ${property} is documented`);
        if (attribute) assert.equal(row.attribute, attribute, `${property}'s attribute`);
      }
    }
  });

  test('every attribute is documented', () => {
    const documented = new Set(documentedMembers().map((member) => member.attribute));
    for (const tag of TAGS) {
      for (const attribute of api(tag).attributes) {
        assert.ok(documented.has(attribute), `<${tag}> attribute ${attribute} is documented`);
      }
    }
  });

  test('the docs name no attribute or property the elements lack', () => {
    for (const { attribute, property } of documentedMembers()) {
      for (const tag of TAGS) {
        const { attributes, properties } = api(tag);
        assert.ok(property && properties.has(property), `<${tag}> has property ${property}`);
        if (!attribute) continue;
        assert.ok(attributes.has(attribute), `<${tag}> has attribute ${attribute}`);
        assert.equal(properties.get(property), attribute, `${attribute} sets ${property}`);
      }
    }
  });

  test('every event of each element is documented for it, and no other', () => {
    const events = documentedEvents();
    for (const tag of TAGS) {
      const documented = new Set(
        events.filter((row) => row.tags.includes(tag)).map((r) => r.event),
      );
      assert.deepEqual(
        [...documented].sort(),
        [...api(tag).events].sort(),
        `<${tag}> events in docs/embedding.md and in the manifest`,
      );
    }
  });

  test('the documented events are those of widget/events.ts', () => {
    const documented = documentedEvents().map((row) => row.event);
    assert.deepEqual([...documented].sort(), typedEvents('TfaEventDetails').sort());
  });

  test("the controls' events are documented apart, as those of widget/events.ts", () => {
    const start = DOC.indexOf('\n### Events of the controls\n');
    assert.ok(start >= 0, 'docs/embedding.md has "### Events of the controls"');
    const section = DOC.slice(start).split(/\n## /)[0] ?? '';
    const documented = [...section.matchAll(/^\| `(tfa-[a-z-]+)` \|/gm)].map((match) => match[1]);
    assert.deepEqual(documented.sort(), typedEvents('TfaControlEventDetails').sort());
  });
});

test('docs/embedding.md lists every key of the English catalogue, and no other', () => {
  const listed = tableRows('Languages and wording', '| Screen | Keys |').flatMap(([, keys = '']) =>
    [...keys.matchAll(/`([^`]+)`/g)].map((match) => match[1]),
  );
  assert.equal(new Set(listed).size, listed.length, 'each key listed once');
  assert.deepEqual([...listed].sort(), Object.keys(en).sort());
});
