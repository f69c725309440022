// The code an authenticator app would show, computed in the page from the key the element shows:
// RFC 6238 (HMAC-SHA-1 through WebCrypto, 6 digits, 30 s steps from T0 = 0).

/** RFC 4648 base32, without padding, to bytes. */
function base32Bytes(text: string) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const char of text.replace(/\s+/g, '')) {
    value = (value << 5) | alphabet.indexOf(char);
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return new Uint8Array(bytes);
}

/** The RFC 6238 code of `secret` at `time` (SHA-1, 6 digits, 30 s steps from T0 = 0). */
export async function totp(secret: string, time = Date.now()) {
  const key = await crypto.subtle.importKey(
    'raw',
    base32Bytes(secret),
    { name: 'HMAC', hash: 'SHA-1' },
    false,
    ['sign'],
  );
  const counter = new DataView(new ArrayBuffer(8));
  counter.setBigUint64(0, BigInt(Math.floor(time / 1000 / 30)));
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, counter.buffer));
  const offset = (mac[19] ?? 0) & 0x0f;
  const binary =
    (((mac[offset] ?? 0) & 0x7f) << 24) |
    ((mac[offset + 1] ?? 0) << 16) |
    ((mac[offset + 2] ?? 0) << 8) |
    (mac[offset + 3] ?? 0);
  return String(binary % 1_000_000).padStart(6, '0');
}

const STEP_MS = 30_000;
/** Room before the next step: more than typing a code and its answer take on a loaded machine. */
const MARGIN_MS = 10_000;

/**
 * The code of the step before now, for a first use whose step a later `totp(key)` must not
 * repeat. Near the end of a step it waits for the next one: crossing a step boundary between
 * computing and checking would put that code two steps back, out of the ±1 window.
 */
export async function codeOfStepBefore(secret: string) {
  const intoStep = Date.now() % STEP_MS;
  if (intoStep > STEP_MS - MARGIN_MS) {
    await new Promise((resolve) => setTimeout(resolve, STEP_MS - intoStep + 100));
  }
  return totp(secret, Date.now() - STEP_MS);
}
