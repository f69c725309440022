import type { ColumnType, Generated, Selectable } from 'kysely';

export interface DemoUsersTable {
  id: string;
  /** Lower-cased, as typed otherwise. */
  email: string;
  /** `scrypt$…`, see passwords.ts. */
  password_hash: string;
  name: string;
  privacy_accepted_at: Date;
  created_at: Generated<Date>;
}

export interface DemoSessionsTable {
  /** SHA-256 of the cookie's token: a database leak gives no usable cookie. */
  id: string;
  user_id: string;
  /** The password was right and the two-factor challenge is still to pass. */
  two_factor_pending: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: Generated<Date>;
  expires_at: Date;
}

export interface DemoSignUpsTable {
  /** SHA-256 of the sign-up cookie's token. */
  id: string;
  /** The id the account will have, already used for the email check. */
  user_id: string;
  email: string;
  email_verified_at: Date | null;
  privacy_accepted_at: Date | null;
  created_at: Generated<Date>;
  expires_at: Date;
}

export interface DemoDatabase {
  demo_users: DemoUsersTable;
  demo_sessions: DemoSessionsTable;
  demo_sign_ups: DemoSignUpsTable;
}

export type DemoUser = Selectable<DemoUsersTable>;
export type DemoSession = Selectable<DemoSessionsTable>;
export type DemoSignUp = Selectable<DemoSignUpsTable>;
