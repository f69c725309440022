/**
 * Security figures in one place, each with its reason. docs/security.md lists the tests that hold them.
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

/** Digits in a one-time code: 10^6 ≥ 2^20 (NIST SP 800-63B rev. 3 §5.1.3.1). */
export const CODE_DIGITS = 6;

/** Longest a code lives; a tenant may shorten it (NIST SP 800-63B; ASVS 2.7.2). */
export const CODE_TTL_SECONDS_MAX = 10 * 60;

/** Wrong tries a code takes before it is dead (Twilio Verify, Ory Kratos). */
export const CODE_MAX_ATTEMPTS = 5;

/** Wait before the first resend; each later resend waits twice as long (Auth0's backoff). */
export const RESEND_FIRST_WAIT_SECONDS = 30;

/** Consecutive failures per user before a wait (NIST SP 800-63B §5.2.2). */
export const LOCKOUT_THRESHOLD = 10;

/** The first wait; each further run of `LOCKOUT_THRESHOLD` failures doubles it. */
export const LOCKOUT_FIRST_WAIT_SECONDS = 15 * 60;

/** Longest wait between runs of failures, so a patient is never shut out for days by a stranger. */
export const LOCKOUT_MAX_WAIT_SECONDS = 24 * 60 * 60;

/** Failures in a row after which only a support reset helps (NIST SP 800-63B §5.2.2: at most 100). */
export const LOCKOUT_HARD_LIMIT = 100;

/** How long a step-up lets the session disable, change phone or see recovery codes. */
export const STEP_UP_TTL_SECONDS = 10 * 60;

/** Crockford base32 characters in a recovery code: 16 × 5 = 80 bits (NIST rev. 4 §4.2.1.1: ≥ 64). */
export const RECOVERY_CODE_LENGTH = 16;

/** How long the partner has to redeem a result token, server to server. */
export const RESULT_TTL_SECONDS = 5 * 60;

/** Random bytes in a result token and in a trust cookie: 256 bits, opaque. */
export const RESULT_TOKEN_BYTES = 32;
export const TRUST_COOKIE_BYTES = 32;

/** `__Host-`: Secure, Path=/, no Domain, so no other host can set or widen it (RFC 6265bis). */
export const TRUST_COOKIE_NAME = '__Host-tfa_trust';

/** Seconds in one authenticator-app time step (RFC 6238 §4.1: X = 30, the recommended default). */
export const TOTP_PERIOD_SECONDS = 30;

/** Digits in an authenticator-app code: what every common app shows (RFC 4226 §5.3: at least 6). */
export const TOTP_DIGITS = 6;

/** Steps of clock drift accepted either side of now (RFC 6238 §5.2 recommends at most one). */
export const TOTP_SKEW_STEPS = 1;

/** Random bytes in an authenticator-app secret: 160 bits (RFC 4226 §4 recommends 160). */
export const TOTP_SECRET_BYTES = 20;
