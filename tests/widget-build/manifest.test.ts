// custom-elements.json describes both elements as DESIGN §6 does: tag, attributes, events.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { widgetManifest } from '../../scripts/build-widget.ts';

interface Declaration {
  tagName?: string;
  attributes?: { name: string; fieldName?: string }[];
  events?: { name: string }[];
}

const ATTRIBUTES = [
  'server',
  'token',
  'locale',
  'default-country',
  'countries',
  'preferred-countries',
  'heading-level',
];
const EVENTS = {
  'two-factor-setup': [
    'tfa-enabled',
    'tfa-disabled',
    'tfa-phone-changed',
    'tfa-method-added',
    'tfa-method-removed',
    'tfa-recovery-codes-regenerated',
    'tfa-step-change',
    'tfa-error',
    'tfa-session-expired',
  ],
  'two-factor-challenge': ['tfa-verified', 'tfa-step-change', 'tfa-error', 'tfa-session-expired'],
};

describe('custom-elements.json', () => {
  const declarations = (widgetManifest().modules as { declarations?: Declaration[] }[]).flatMap(
    (module) => module.declarations ?? [],
  );

  it('names exactly the two public elements', () => {
    const tags = declarations.map((declaration) => declaration.tagName).filter(Boolean);
    assert.deepEqual(tags.sort(), ['two-factor-challenge', 'two-factor-setup']);
  });

  for (const [tagName, events] of Object.entries(EVENTS)) {
    it(`lists the attributes and events of <${tagName}>`, () => {
      const element = declarations.find((declaration) => declaration.tagName === tagName);
      const attributes = (element?.attributes ?? []).map((attribute) => attribute.name);
      assert.deepEqual(attributes.sort(), [...ATTRIBUTES].sort());
      const fired = (element?.events ?? []).map((event) => event.name);
      assert.deepEqual(fired.sort(), [...events].sort());
    });
  }
});
