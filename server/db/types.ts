import type { ColumnType, Generated, Selectable } from 'kysely';

type CreatedAt = ColumnType<Date, Date | undefined, never>;
/** jsonb: written as a JSON string (the same on `pg` and PGlite), read back parsed. */
type Json<T> = ColumnType<T, string, string>;

export interface TenantsTable {
  id: string;
  name: string;
  settings: Json<Record<string, unknown>>;
  created_at: CreatedAt;
}

export interface TenantOriginsTable {
  tenant_id: string;
  origin: string;
}

export interface ApiKeysTable {
  /** The public half of the key, shown in listings (`sk_<id>_…`). */
  id: string;
  tenant_id: string;
  secret_hash: string;
  created_at: CreatedAt;
  expires_at: Date | null;
  revoked_at: Date | null;
  last_used_at: Date | null;
}

export interface UsersTable {
  id: Generated<string>;
  tenant_id: string;
  external_id: string;
  email: string | null;
  created_at: CreatedAt;
  /** Consecutive failed verifications (codes and recovery codes alike); reset by a success. */
  failed_attempts: ColumnType<number, number | undefined, number>;
  locked_until: Date | null;
  /** The method asked first at sign-in; null until the user has chosen or confirmed one. */
  preferred_method: ColumnType<'sms' | 'totp' | null, 'sms' | 'totp' | null | undefined>;
}

export interface WidgetSessionsTable {
  id: Generated<string>;
  tenant_id: string;
  user_id: string;
  purpose: string;
  token_hash: string;
  email: string | null;
  /** Null when the partner gave none: the element then chooses, and messages use English. */
  locale: string | null;
  created_at: CreatedAt;
  expires_at: Date;
  step_up_until: Date | null;
  /** Sign-in steps passed so far, in order (`email`, `sms`). */
  completed_steps: ColumnType<string[], string | undefined, string>;
  /** When the challenge finished; a session finishes once. */
  verified_at: Date | null;
  /** The account label the partner gave for authenticator apps; null to use the email or id. */
  account_name: ColumnType<string | null, string | null | undefined, string | null>;
  /** The method the sign-in's second step asks for now (the last one answered), if chosen. */
  challenge_method: ColumnType<'sms' | 'totp' | null, 'sms' | 'totp' | null | undefined>;
}

export interface AuditEventsTable {
  id: Generated<string>;
  tenant_id: string;
  user_id: string | null;
  type: string;
  ip: string | null;
  user_agent: string | null;
  details: Json<Record<string, unknown>>;
  created_at: CreatedAt;
}

export interface PhoneFactorsTable {
  id: Generated<string>;
  tenant_id: string;
  user_id: string;
  status: 'pending' | 'active';
  phone_encrypted: string;
  /** HMAC of the E.164 number: finds a number without decrypting any. */
  phone_index: string;
  country: string;
  masked: string;
  created_at: CreatedAt;
  verified_at: Date | null;
  /** When two-factor was turned on; carried over to a new number on a change of phone. */
  enabled_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface VerificationCodesTable {
  id: Generated<string>;
  tenant_id: string;
  user_id: string;
  session_id: string;
  purpose: string;
  channel: 'sms' | 'email';
  phone_factor_id: string | null;
  code_hash: string;
  attempts: ColumnType<number, number | undefined, number>;
  /** 1 for the first code of a session and purpose, then one more per resend. */
  send_number: number;
  created_at: CreatedAt;
  expires_at: Date;
  resend_at: Date;
  /** Null while the provider call is under way; only sent codes can be verified. */
  sent_at: Date | null;
  superseded_at: Date | null;
  consumed_at: Date | null;
}

export interface RecoveryCodeSetsTable {
  user_id: string;
  tenant_id: string;
  /** In the order shown: a code's position in the set is its place here. */
  code_hashes: string[];
  /**
   * The codes, in the same order, sealed together (one value); present only while the tenant lets
   * users view them again.
   */
  codes_sealed: string | null;
  /** Sets written before codes were sealed together: each code sealed, in the same order. */
  codes_encrypted: string[] | null;
  /** The positions of the codes used. */
  used_positions: ColumnType<number[], number[] | undefined, number[]>;
  created_at: ColumnType<Date, Date | undefined, Date>;
}

export interface ResultsTable {
  id: Generated<string>;
  tenant_id: string;
  user_id: string;
  token_hash: string;
  purpose: string;
  email: string | null;
  steps: Json<string[]>;
  via: 'code' | 'recovery-code' | 'trusted-browser';
  /** The second factor's method when `via` is `code`: sms or totp. */
  method: ColumnType<'sms' | 'totp' | null, 'sms' | 'totp' | null | undefined>;
  verified_at: CreatedAt;
  expires_at: Date;
  redeemed_at: Date | null;
}

export interface TrustedBrowsersTable {
  id: Generated<string>;
  tenant_id: string;
  user_id: string;
  token_hash: string;
  /** Readable, from the User-Agent: "Chrome on macOS". */
  label: string;
  created_at: CreatedAt;
  last_used_at: ColumnType<Date, Date | undefined, Date>;
  expires_at: Date;
}

/** One code admitted for sending: a record kept two days; the limits count in send_counters. */
export interface SendLogTable {
  id: Generated<string>;
  tenant_id: string;
  user_id: string;
  channel: 'sms' | 'email';
  phone_index: string | null;
  /** Blind index of the number without its last 4 digits: a block of numbers bought to pump. */
  prefix_index: string | null;
  country: string | null;
  /** The client address, IPv6 reduced to its /64. */
  ip_key: string | null;
  created_at: CreatedAt;
}

/** A security notice waiting for the email provider (services/notice-queue.ts). */
export interface OutboundNoticesTable {
  id: Generated<string>;
  tenant_id: string;
  user_id: string;
  type: string;
  payload: Json<{ locale: string; at: string; browser: string | null; maskedPhone: string | null }>;
  attempts: ColumnType<number, number | undefined, number>;
  next_attempt_at: ColumnType<Date, Date | undefined, Date>;
  last_error: string | null;
  created_at: CreatedAt;
}

/** An authenticator app (TOTP, RFC 6238): pending until its first code confirms it. */
export interface TotpFactorsTable {
  id: Generated<string>;
  tenant_id: string;
  user_id: string;
  status: 'pending' | 'active';
  /** The base32 secret, sealed (crypto/sealed-fields.ts) like a phone number. */
  secret_encrypted: string;
  /** The last time step accepted (bigint, read as text): a step is never accepted twice. */
  last_used_step: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: CreatedAt;
  confirmed_at: Date | null;
}

export interface Database {
  tenants: TenantsTable;
  tenant_origins: TenantOriginsTable;
  api_keys: ApiKeysTable;
  users: UsersTable;
  widget_sessions: WidgetSessionsTable;
  audit_events: AuditEventsTable;
  phone_factors: PhoneFactorsTable;
  verification_codes: VerificationCodesTable;
  recovery_code_sets: RecoveryCodeSetsTable;
  results: ResultsTable;
  trusted_browsers: TrustedBrowsersTable;
  send_log: SendLogTable;
  outbound_notices: OutboundNoticesTable;
  totp_factors: TotpFactorsTable;
}

export type Tenant = Selectable<TenantsTable>;
/** The preferred method is read where it is used, so the widget's authentication need not carry it. */
export type User = Omit<Selectable<UsersTable>, 'preferred_method'>;
export type WidgetSession = Selectable<WidgetSessionsTable>;
export type PhoneFactor = Selectable<PhoneFactorsTable>;
export type VerificationCode = Selectable<VerificationCodesTable>;
export type TotpFactor = Selectable<TotpFactorsTable>;

/**
 * The counts of one send limit for one counted value (services/send-limits.ts): `counts` holds the
 * last `counts.length` buckets of `bucket_seconds` each, the newest last.
 */
export interface SendCountersTable {
  tenant_id: string;
  /** The limit: `per-number`, `per-prefix`, `per-country`, `per-user`, `per-ip`, `daily-budget`. */
  scope: string;
  /** What it counts by: a blind index, a country, a user id, a client address, or `sms`. */
  key: string;
  bucket_seconds: number;
  /** When the newest bucket began. */
  bucket_start: Date;
  counts: number[];
}

export interface Database {
  send_counters: SendCountersTable;
}
