import type { Expression } from 'kysely';

/**
 * Whose rows a repository function reads or writes. Every query on user data filters by both ids,
 * so a user id from one tenant can never reach another tenant's rows.
 */
export interface UserRef {
  tenantId: string;
  userId: string;
}

/** A widget session's rows: its tenant and user too, never the session id alone. */
export interface SessionRef extends UserRef {
  sessionId: string;
}

/**
 * The same ids, each given as a value or as an expression that reads it (`sessionOfToken`): a
 * statement sent before its session is read still names the session's rows.
 */
export type Keyed<Ref> = { [Key in keyof Ref]: Ref[Key] | Expression<Ref[Key]> };
