import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

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
}

export interface WidgetSessionsTable {
  id: Generated<string>;
  tenant_id: string;
  user_id: string;
  purpose: string;
  token_hash: string;
  email: string | null;
  locale: string;
  created_at: CreatedAt;
  expires_at: Date;
  step_up_until: Date | null;
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

export interface Database {
  tenants: TenantsTable;
  tenant_origins: TenantOriginsTable;
  api_keys: ApiKeysTable;
  users: UsersTable;
  widget_sessions: WidgetSessionsTable;
  audit_events: AuditEventsTable;
}

export type Tenant = Selectable<TenantsTable>;
export type ApiKey = Selectable<ApiKeysTable>;
export type User = Selectable<UsersTable>;
export type WidgetSession = Selectable<WidgetSessionsTable>;
export type AuditEvent = Selectable<AuditEventsTable>;
export type NewAuditEvent = Insertable<AuditEventsTable>;
