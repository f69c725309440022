// Defends docs/security.md "Authenticator app": the codes are RFC 6238's (its Appendix B vectors,
// and an independent implementation of the RFC's algorithm written here), the key is RFC 4648
// base32, the otpauth:// URI is what apps read, and one step of clock drift either way is accepted,
// two are not.
import assert from 'node:assert/strict';
import { createHmac, randomBytes } from 'node:crypto';
import { test } from 'node:test';
import {
  TOTP_DIGITS,
  TOTP_PERIOD_SECONDS,
  TOTP_SECRET_BYTES,
  TOTP_SKEW_STEPS,
} from '../../server/security-constants.ts';
import {
  base32Decode,
  base32Encode,
  generateTotpSecret,
  matchTotp,
  otpauthUri,
  totpCodeAt,
  totpStep,
} from '../../server/services/totp.ts';

/** RFC 6238 Appendix B, SHA-1 rows: the time in seconds and the 8-digit TOTP. */
const RFC_VECTORS: [number, string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];
const RFC_SECRET = Buffer.from('12345678901234567890', 'ascii');

/** The RFC's reference algorithm, written again from the text, independent of the server's. */
function referenceTotp(secret: Buffer, seconds: number, digits: number) {
  const counter = Math.floor(seconds / 30);
  const message = Buffer.alloc(8);
  message.writeUInt32BE(Math.floor(counter / 2 ** 32), 0);
  message.writeUInt32BE(counter % 2 ** 32, 4);
  const hash = createHmac('sha1', secret).update(message).digest();
  const offset = (hash.at(-1) as number) & 0xf;
  const binary =
    (((hash[offset] as number) & 0x7f) << 24) |
    ((hash[offset + 1] as number) << 16) |
    ((hash[offset + 2] as number) << 8) |
    (hash[offset + 3] as number);
  return String(binary % 10 ** digits).padStart(digits, '0');
}

test('the parameters are RFC 6238 defaults: 30 s, 6 digits, ±1 step, 160-bit secrets', () => {
  assert.equal(TOTP_PERIOD_SECONDS, 30);
  assert.equal(TOTP_DIGITS, 6);
  assert.equal(TOTP_SKEW_STEPS, 1);
  assert.equal(TOTP_SECRET_BYTES, 20);
  const secret = generateTotpSecret();
  assert.equal(secret.length, 20);
  assert.notDeepEqual(secret, generateTotpSecret(), 'a fresh secret each time');
  assert.match(base32Encode(secret), /^[A-Z2-7]{32}$/);
});

test('RFC 6238 Appendix B SHA-1 vectors, 8 digits and their last 6, and the reference agrees', () => {
  for (const [seconds, expected] of RFC_VECTORS) {
    const step = totpStep(seconds * 1000);
    assert.equal(totpCodeAt(RFC_SECRET, step, 8), expected, `T = ${seconds}`);
    assert.equal(totpCodeAt(RFC_SECRET, step), expected.slice(-6), `T = ${seconds}, 6 digits`);
    assert.equal(referenceTotp(RFC_SECRET, seconds, 8), expected, `reference, T = ${seconds}`);
  }
  for (let i = 0; i < 200; i += 1) {
    const secret = randomBytes(20);
    const seconds = Math.floor(Math.random() * 4_000_000_000);
    assert.equal(totpCodeAt(secret, totpStep(seconds * 1000)), referenceTotp(secret, seconds, 6));
  }
});

test('base32 (RFC 4648): its test vectors, and a round trip of every length', () => {
  const vectors: [string, string][] = [
    ['', ''],
    ['f', 'MY'],
    ['fo', 'MZXQ'],
    ['foo', 'MZXW6'],
    ['foob', 'MZXW6YQ'],
    ['fooba', 'MZXW6YTB'],
    ['foobar', 'MZXW6YTBOI'],
  ];
  for (const [plain, encoded] of vectors) {
    assert.equal(base32Encode(Buffer.from(plain)), encoded);
    assert.equal(base32Decode(encoded)?.toString(), plain);
  }
  for (let length = 0; length <= 40; length += 1) {
    const bytes = randomBytes(length);
    assert.deepEqual(base32Decode(base32Encode(bytes)), bytes);
  }
  assert.deepEqual(base32Decode('mzxw 6ytb oi=='), Buffer.from('foobar'), 'case, spaces, padding');
  assert.equal(base32Decode('MZXW1'), null, 'not base32');
});

test('the otpauth URI: label issuer:account and the issuer parameter, URI-encoded', () => {
  const uri = otpauthUri({
    issuer: 'Clinique du Lac & Co',
    accountName: 'jo+1@mail.example',
    secret: 'JBSWY3DPEHPK3PXP',
  });
  assert.equal(
    uri,
    'otpauth://totp/Clinique%20du%20Lac%20%26%20Co:jo%2B1%40mail.example?secret=JBSWY3DPEHPK3PXP&issuer=Clinique%20du%20Lac%20%26%20Co&algorithm=SHA1&digits=6&period=30',
  );
  const parsed = new URL(uri);
  assert.equal(parsed.protocol, 'otpauth:');
  assert.equal(parsed.searchParams.get('issuer'), 'Clinique du Lac & Co');
  assert.equal(decodeURIComponent(parsed.pathname.split(':')[1] as string), 'jo+1@mail.example');
});

test('one step of drift either way is accepted and named; two are refused', () => {
  const secret = generateTotpSecret();
  const now = Date.now();
  const step = totpStep(now);
  for (const offset of [-1, 0, 1]) {
    assert.equal(matchTotp(secret, totpCodeAt(secret, step + offset), now), step + offset);
  }
  for (const offset of [-2, 2, -3, 3]) {
    const code = totpCodeAt(secret, step + offset);
    const nearby = [-1, 0, 1].map((near) => totpCodeAt(secret, step + near));
    if (nearby.includes(code)) continue; // a one-in-a-million collision with an accepted step
    assert.equal(matchTotp(secret, code, now), null, `offset ${offset}`);
  }
  assert.equal(matchTotp(secret, '12345', now), null, 'too short');
  assert.equal(matchTotp(secret, '1234567', now), null, 'too long');
});
