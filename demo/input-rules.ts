import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './passwords.ts';

/**
 * The `email` format the two-factor server validates `POST /v1/sessions` with (ajv-formats,
 * full mode), so an address accepted here is never refused there; at most 254 characters.
 */
const EMAIL_PATTERN =
  /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;

export function isEmailAddress(value: string): boolean {
  return value.length <= 254 && EMAIL_PATTERN.test(value);
}

/** Why a new password cannot be used, or undefined when it can. */
export function newPasswordProblem(password: string, confirm: string): string | undefined {
  if ([...password].length < PASSWORD_MIN_LENGTH)
    return `Choose a password of at least ${PASSWORD_MIN_LENGTH} characters.`;
  if (password.length > PASSWORD_MAX_LENGTH)
    return `Choose a password of at most ${PASSWORD_MAX_LENGTH} characters.`;
  if (password !== confirm) return 'The two passwords are not the same.';
  return undefined;
}

/** A result token as the server makes them (`rt_` and base64url); anything else is not sent on. */
export function isResultToken(value: string): boolean {
  return /^rt_[A-Za-z0-9_-]{16,125}$/.test(value);
}

/** A name to greet the patient with: printable, 1 to 100 characters. */
export function cleanName(value: string): string | undefined {
  const name = value.trim().replace(/\s+/g, ' ');
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it refuses.
  if (name.length < 1 || name.length > 100 || /[\u0000-\u001f\u007f]/.test(name)) return undefined;
  return name;
}
