// IVs, tokens and recovery codes take their bytes from a pool drawn ahead from the CSPRNG: every
// draw must be fresh: no byte given out twice, across refills too.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pooledRandomBytes } from '../../server/crypto/random-pool.ts';

test('draws never repeat, across many refills of the pool', () => {
  const seen = new Set<string>();
  // 12-byte draws, as an IV: 40,000 of them cross the 4 KB pool more than a hundred times.
  for (let i = 0; i < 40_000; i += 1) seen.add(pooledRandomBytes(12).toString('hex'));
  assert.equal(seen.size, 40_000);
});

test('each draw is its own copy: changing it changes no later draw', () => {
  const first = pooledRandomBytes(16);
  first.fill(0);
  const later = Array.from({ length: 100 }, () => pooledRandomBytes(16));
  assert.ok(later.every((draw) => !draw.equals(Buffer.alloc(16))));
});

test('every byte value comes out about equally often', () => {
  const counts = new Array<number>(256).fill(0);
  for (let i = 0; i < 4_000; i += 1) {
    for (const byte of pooledRandomBytes(64)) counts[byte] = (counts[byte] ?? 0) + 1;
  }
  // 1,000 expected each, about 31 of standard deviation: 6 of them either side.
  assert.ok(
    counts.every((count) => Math.abs(count - 1000) < 190),
    counts.join(','),
  );
});

test('a draw larger than the pool still comes whole from the CSPRNG', () => {
  const large = pooledRandomBytes(8192);
  assert.equal(large.length, 8192);
  assert.notDeepEqual(large.subarray(0, 4096), large.subarray(4096));
});
