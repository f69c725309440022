import { AppError } from '../errors.ts';

/** An origin as browsers send it: scheme, host and port only. `null` and wildcards never qualify. */
export function normaliseOrigin(input: string): string {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw new AppError('invalid_request', { message: `Not an origin: "${input}"` });
  }
  const origin = url.origin;
  if (
    !/^https?:$/.test(url.protocol) ||
    origin === 'null' ||
    `${origin}` !== input.replace(/\/$/, '').toLowerCase()
  ) {
    throw new AppError('invalid_request', {
      message: `Not an origin: "${input}" (expected scheme://host[:port], nothing after it)`,
    });
  }
  return origin;
}
