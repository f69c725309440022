/**
 * Security figures in one place, each with its reason. SECURITY.md lists the tests that hold them.
 */

/** Widget session lifetime. Short because the token sits in a page. ASVS 5.0 7.3. */
export const WIDGET_SESSION_TTL_SECONDS = 15 * 60;

/** Random bytes in a widget session token: 256 bits, ≥ 128 required by ASVS 5.0 7.2.3. */
export const WIDGET_SESSION_TOKEN_BYTES = 32;

/** Random bytes in a partner secret key: 256 bits, so a plain SHA-256 of it is a safe hash. */
export const SECRET_KEY_BYTES = 32;

/** How long a rotated-out secret key keeps working, so partners can deploy the new one. */
export const KEY_ROTATION_GRACE_HOURS_DEFAULT = 24;

/** Request body cap: every API body is a handful of short fields. */
export const BODY_LIMIT_BYTES = 16 * 1024;
