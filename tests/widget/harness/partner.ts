// Browser side of the test harness: what a partner backend would do, through `/__tfa/*`.
export interface TestTenant {
  /** Tests with other settings use their own tenant name. */
  tenant?: string;
  settings?: Record<string, unknown>;
}

async function call<T>(name: string, params: Record<string, string | undefined>): Promise<T> {
  const query = new URLSearchParams(
    Object.entries(params).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
  const response = await fetch(`/__tfa/${name}?${query}`);
  const body = await response.json();
  if (!response.ok) throw new Error(`${name}: ${body.error}`);
  return body as T;
}

const tenantParams = ({ tenant, settings }: TestTenant = {}) => ({
  tenant,
  settings: settings && JSON.stringify(settings),
});

export interface MintedSession {
  token: string;
  server: string;
  userId: string;
}

export function mintSession(
  options: TestTenant & {
    purpose?: 'setup' | 'sign-in' | 'verify-email';
    userId?: string;
    email?: string;
    locale?: string;
  } = {},
) {
  const { tenant, settings, ...rest } = options;
  return call<MintedSession>('session', { ...tenantParams({ tenant, settings }), ...rest });
}

export async function latestSmsCode(to: string) {
  return (await call<{ code: string }>('sms-code', { to })).code;
}

export async function latestEmailCode(to: string) {
  return (await call<{ code: string }>('email-code', { to })).code;
}

export function outbox() {
  return call<{ messages: { channel: string; to: string; body: string }[] }>('outbox', {});
}

/** A new user with two-factor on, and their recovery codes. */
export function enrolledUser(options: TestTenant & { phone?: string; userId?: string } = {}) {
  const { tenant, settings, ...rest } = options;
  return call<{ userId: string; recoveryCodes: string[] }>('enrol', {
    ...tenantParams({ tenant, settings }),
    ...rest,
  });
}

export function redeem(resultToken: string, options: TestTenant = {}) {
  return call<{ status: number; body: Record<string, unknown> }>('redeem', {
    ...tenantParams(options),
    resultToken,
  });
}

/** A French mobile number no other test uses, so per-number send limits never interfere. */
export function uniqueFrenchMobile() {
  const digits = String(Math.floor(Math.random() * 1e7)).padStart(7, '0');
  return `+3361${digits}`;
}

/** A new user with two-factor on, and a sign-in session for them. */
export async function signInSession(
  tenant: TestTenant = {},
  extra: { email?: string; locale?: string } = {},
) {
  const phone = uniqueFrenchMobile();
  const { userId, recoveryCodes } = await enrolledUser({ ...tenant, phone });
  const session = await mintSession({ ...tenant, ...extra, purpose: 'sign-in', userId });
  return { phone, userId, recoveryCodes, session };
}

/**
 * Makes this browser trusted for `userId` through a sign-in, as the challenge element would (the
 * server sets the trust cookie); returns the redeemed result.
 */
export async function trustThisBrowser(userId: string, phone: string, tenant: TestTenant = {}) {
  const signIn = await mintSession({ ...tenant, purpose: 'sign-in', userId });
  const post = (path: string, body?: object) =>
    fetch(`${signIn.server}/v1/widget${path}`, {
      method: 'POST',
      credentials: 'include',
      headers: {
        authorization: `Bearer ${signIn.token}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    }).then((response) => response.json());
  await post('/challenge');
  const answer = await post('/challenge/verify', {
    code: await latestSmsCode(phone),
    trustBrowser: true,
  });
  return redeem(answer.resultToken, tenant);
}

/** Enough wrong codes for `userId` that the server locks the account. */
export function lockUser(userId: string, options: TestTenant = {}) {
  return call<{ locked: boolean }>('lock', { ...tenantParams(options), userId });
}

/** The tenant offers only `methods` from now on, as a partner changing its setting would. */
export function allowMethods(methods: ('sms' | 'totp')[], options: TestTenant = {}) {
  return call<{ methods: string[] }>('allow-methods', {
    ...tenantParams(options),
    methods: methods.join(','),
  });
}

/** Makes the user's live codes expire now, as if ten minutes had passed. */
export function expireCodes(userId: string, options: TestTenant = {}) {
  return call<{ expired: number }>('expire-codes', { ...tenantParams(options), userId });
}

interface ManifestDeclaration {
  tagName?: string;
  cssParts?: { name: string; description?: string }[];
  cssProperties?: { name: string; default?: string; description?: string }[];
  events?: { name: string }[];
}

/** The Custom Elements Manifest, as the build writes it from the current sources. */
export function manifest() {
  return call<{ modules: { declarations?: ManifestDeclaration[] }[] }>('manifest', {});
}

/** The parts and custom properties the manifest documents for one element. */
export async function documented(tagName: string) {
  const declaration = (await manifest()).modules
    .flatMap((module) => module.declarations ?? [])
    .find((candidate) => candidate.tagName === tagName);
  if (!declaration) throw new Error(`${tagName} is not in the manifest`);
  return {
    parts: new Set((declaration.cssParts ?? []).map((entry) => entry.name)),
    properties: new Set((declaration.cssProperties ?? []).map((entry) => entry.name)),
    events: new Set((declaration.events ?? []).map((entry) => entry.name)),
  };
}
