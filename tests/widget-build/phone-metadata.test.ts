import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { phoneDataFiles } from '../../scripts/phone-metadata.ts';
import { formatNational } from '../../widget/phone/format-national.ts';

describe('phone data shipped with the widget', () => {
  for (const [path, build] of Object.entries(phoneDataFiles)) {
    it(`${path} matches the installed libphonenumber-js (npx tsx scripts/phone-metadata.ts)`, () => {
      assert.equal(readFileSync(path, 'utf8'), build());
    });
  }

  it('formats national numbers as they are typed', () => {
    const cases: [string, string, string][] = [
      ['FR', '0612345678', '06 12 34 56 78'],
      ['FR', '061234', '06 12 34'],
      ['FR', '612345678', '6 12 34 56 78'],
      ['US', '2015550123', '(201) 555-0123'],
      ['US', '20155', '(201) 55'],
      ['GB', '07400123456', '07400 123456'],
      ['ES', '612345678', '612 34 56 78'],
      ['DE', '015112345678', '01511 2345678'],
      ['ZZ', '12345', '12345'],
    ];
    for (const [country, typed, shown] of cases) {
      assert.equal(formatNational(typed, country), shown, `${country} ${typed}`);
    }
  });
});
