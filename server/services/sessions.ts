import type { Kysely } from 'kysely';
import { randomToken, sha256 } from '../crypto/tokens.ts';
import type { Database, User, WidgetSession } from '../db/types.ts';
import { AppError } from '../errors.ts';
import type { SessionRef } from '../repositories/refs.ts';
import { upsertUser } from '../repositories/users.ts';
import { findSessionByTokenHash, insertSession } from '../repositories/widget-sessions.ts';
import { WIDGET_SESSION_TOKEN_BYTES, WIDGET_SESSION_TTL_SECONDS } from '../security-constants.ts';
import { resolveSettings } from './tenant-settings.ts';
import type { TenantContext } from './tenants.ts';

export const purposes = ['setup', 'sign-in', 'verify-email'] as const;
export type Purpose = (typeof purposes)[number];

export const locales = ['en', 'fr', 'de', 'es', 'it', 'pt-BR', 'nl', 'pl', 'ar', 'zh-CN'] as const;
export type Locale = (typeof locales)[number];

/** By language subtag: `fr-CA` → `fr`, `pt` → `pt-BR`, `zh-Hans` → `zh-CN`; else `en`. */
export function supportedLocale(requested: string | undefined): Locale {
  const language = requested?.toLowerCase().split(/[-_]/)[0];
  return locales.find((locale) => locale.toLowerCase().split('-')[0] === language) ?? 'en';
}

export interface WidgetContext {
  session: WidgetSession & { purpose: Purpose; locale: Locale | null };
  tenant: TenantContext;
  user: User;
}

/** The session's rows, as the repositories take them: tenant, user and session together. */
export function sessionRef({ session }: Pick<WidgetContext, 'session'>): SessionRef {
  return { tenantId: session.tenant_id, userId: session.user_id, sessionId: session.id };
}

export async function createSession(
  db: Kysely<Database>,
  tenant: TenantContext,
  input: {
    userId: string;
    purpose: Purpose;
    email?: string;
    locale?: string;
    /** The label an authenticator app shows for this account. */
    accountName?: string;
  },
) {
  if (input.purpose === 'verify-email' && !input.email) {
    throw new AppError('invalid_request', {
      message: 'A verify-email session needs the email to verify.',
    });
  }
  const needsEmail = input.purpose === 'sign-in' && tenant.settings.signInSteps[0] === 'email';
  if (needsEmail && !input.email) {
    throw new AppError('invalid_request', {
      message: "This site's sign-in sends an email code first: pass the user's email.",
    });
  }

  const token = randomToken('wst_', WIDGET_SESSION_TOKEN_BYTES);
  const expiresAt = new Date(Date.now() + WIDGET_SESSION_TTL_SECONDS * 1000);
  await db.transaction().execute(async (trx) => {
    const user = await upsertUser(trx, tenant.id, input.userId, input.email);
    await insertSession(
      trx,
      { tenantId: tenant.id, userId: user.id },
      {
        purpose: input.purpose,
        tokenHash: sha256(token),
        email: input.email ?? null,
        locale: input.locale ? supportedLocale(input.locale) : null,
        accountName: input.accountName ?? null,
        expiresAt,
      },
    );
  });
  return { token, expiresAt };
}

const TOKEN_PATTERN = /^wst_[A-Za-z0-9_-]{43}$/;

const invalidToken = () => new AppError('unauthorized', { message: 'Invalid session token.' });

/** What a `wst_…` token is looked up by; `unauthorized` for anything that is not one. */
export function widgetTokenHash(token: string) {
  if (!TOKEN_PATTERN.test(token)) throw invalidToken();
  return sha256(token);
}

/** The session, tenant and user behind a `wst_…` token; `session_expired` once it has lapsed. */
export async function authenticateWidgetToken(
  db: Kysely<Database>,
  token: string,
): Promise<WidgetContext> {
  return widgetContextOf(await findSessionByTokenHash(db, widgetTokenHash(token)));
}

/** What authentication answers for the rows found by a token's hash (or for none). */
export function widgetContextOf(
  found: Awaited<ReturnType<typeof findSessionByTokenHash>>,
): WidgetContext {
  if (!found) throw invalidToken();
  const { session, user, tenant } = found;
  if (session.expires_at <= new Date()) throw new AppError('session_expired');
  return {
    session: session as WidgetContext['session'],
    tenant: {
      id: tenant.id,
      name: tenant.name,
      origins: [...tenant.origins].sort(),
      settings: resolveSettings(tenant.settings),
    },
    user,
  };
}
