// SECURITY.md, recovery codes: 16 Crockford base32 characters = 80 bits. Every character must be
// any of the 32 letters, equally likely, in every position: a bias or a missing letter costs bits.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { generateRecoveryCode } from '../../server/services/recovery-codes.ts';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

test('each of the 16 characters is any of the 32 letters, equally often', () => {
  const draws = 32_000;
  const counts = Array.from({ length: 16 }, () => new Map<string, number>());
  for (let i = 0; i < draws; i += 1) {
    const code = generateRecoveryCode();
    assert.equal(code.length, 16);
    [...code].forEach((letter, position) => {
      const seen = counts[position] as Map<string, number>;
      seen.set(letter, (seen.get(letter) ?? 0) + 1);
    });
  }
  const expected = draws / CROCKFORD.length;
  for (const [position, seen] of counts.entries()) {
    assert.deepEqual([...seen.keys()].sort().join(''), CROCKFORD, `position ${position}`);
    // About 31 draws of standard deviation: 6 of them either side, which chance never reaches.
    for (const [letter, count] of seen) {
      assert.ok(Math.abs(count - expected) < 190, `${letter} at ${position}: ${count} of ${draws}`);
    }
  }
});
