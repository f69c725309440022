// The real two-factor server the browser tests talk to: PGlite from the migrated template, the
// outbox for messages, tenants whose origin is the test runner's page. The `/__tfa/*` routes of
// the test runner (see `harnessMiddleware`) play the partner backend: they mint sessions, read
// codes from the outbox and redeem results. `?tenant=name&settings={…}` picks a tenant, made with
// those settings the first time the name is used, so test files running at once never share one.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { widgetManifest } from '../../../scripts/build-widget.ts';
import { buildApp } from '../../../server/app.ts';
import { deriveKeys } from '../../../server/crypto/keys.ts';
import type { DatabaseHandle } from '../../../server/db/connect.ts';
import { createTenant, updateTenant } from '../../../server/services/tenants.ts';
import { testConfig } from '../../helpers/build-app.ts';
import { openTestDatabase } from '../../helpers/test-database.ts';
import {
  enrol,
  latestEmailCode,
  latestSmsCode,
  widgetClient,
} from '../../helpers/widget-client.ts';

interface Harness {
  app: FastifyInstance;
  database: DatabaseHandle;
  server: string;
  origin: string;
  tenants: Map<string, Promise<{ tenantId: string; secretKey: string }>>;
}

/** Generous limits: every test shares this tenant and the browser's single address. */
const TEST_TENANT_SETTINGS = {
  dailySmsBudget: 100_000,
  smsPerPrefixPerHour: 100_000,
  smsPerCountryPerHour: 100_000,
  codesPerIpPerHour: 100_000,
  notifyUsers: false,
  // The journeys of most tests are by text message; the authenticator app's use a tenant of their own.
  methods: ['sms'],
};
const HTTP_LIMITS = { perMinute: 100_000, sendsPerMinute: 100_000, verifiesPerMinute: 100_000 };

let harness: Harness | undefined;

export async function startTwoFactorServer(pageOrigin: string): Promise<Harness> {
  const database = await openTestDatabase('pglite');
  const app = await buildApp({
    config: testConfig({ LOG_LEVEL: 'warn' }),
    database,
    keys: deriveKeys(randomBytes(32)),
    httpLimits: HTTP_LIMITS,
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  harness = {
    app,
    database,
    server: `http://localhost:${port}`,
    origin: pageOrigin,
    tenants: new Map(),
  };
  return harness;
}

export async function stopTwoFactorServer() {
  await harness?.app.close();
  await harness?.database.close();
  harness = undefined;
}

function tenantOf(h: Harness, query: URLSearchParams) {
  const name = query.get('tenant') ?? 'default';
  let tenant = h.tenants.get(name);
  if (!tenant) {
    const settings = { ...TEST_TENANT_SETTINGS, ...JSON.parse(query.get('settings') ?? '{}') };
    tenant = createTenant(h.app.db, { name: 'Test Clinic', origins: [h.origin], settings });
    h.tenants.set(name, tenant);
  }
  return tenant;
}

async function mint(h: Harness, query: URLSearchParams) {
  const { secretKey } = await tenantOf(h, query);
  const body: Record<string, string> = {
    userId: query.get('userId') ?? `patient-${randomBytes(6).toString('hex')}`,
    purpose: query.get('purpose') ?? 'setup',
  };
  for (const name of ['email', 'locale']) {
    const value = query.get(name);
    if (value) body[name] = value;
  }
  const response = await h.app.inject({
    method: 'POST',
    url: '/v1/sessions',
    headers: { authorization: `Bearer ${secretKey}` },
    payload: body,
  });
  if (response.statusCode !== 201) throw new Error(`session: ${response.body}`);
  return { token: response.json().token, server: h.server, userId: body.userId };
}

type Handler = (h: Harness, query: URLSearchParams) => Promise<unknown>;

const handlers: Record<string, Handler> = {
  session: mint,
  'sms-code': async (h, query) => ({ code: await latestSmsCode(h.app, query.get('to') ?? '') }),
  'email-code': async (h, query) => ({
    code: await latestEmailCode(h.app, query.get('to') ?? ''),
  }),
  outbox: async (h) =>
    (await h.app.inject({ url: '/dev/outbox', headers: { accept: 'application/json' } })).json(),
  // Two-factor on for a new user, through the widget API, so challenge tests start from there.
  enrol: async (h, query) => {
    const { token, userId } = await mint(
      h,
      new URLSearchParams({ ...Object.fromEntries(query), purpose: 'setup' }),
    );
    const phone = query.get('phone') ?? '+33612345678';
    const recoveryCodes = await enrol(h.app, widgetClient(h.app, token, h.origin), phone);
    return { userId, recoveryCodes };
  },
  // Wrong SMS codes for a user, through new sign-in sessions, until the account locks.
  lock: async (h, query) => {
    const { userId, token } = await mint(
      h,
      new URLSearchParams({ ...Object.fromEntries(query), purpose: 'sign-in' }),
    );
    let widget = widgetClient(h.app, token, h.origin);
    for (let attempt = 0; attempt < 30; attempt++) {
      if (attempt % 5 === 0) {
        const next = await mint(
          h,
          new URLSearchParams({
            ...Object.fromEntries(query),
            userId: String(userId),
            purpose: 'sign-in',
          }),
        );
        widget = widgetClient(h.app, next.token, h.origin);
        await widget.post('/challenge');
      }
      const answer = await widget.post('/challenge/verify', { code: '000000' });
      if (answer.statusCode === 423) return { locked: true };
    }
    throw new Error('the account did not lock');
  },
  // Ten minutes pass for the user's live codes: expired, and a resend allowed.
  'expire-codes': async (h, query) => {
    const { tenantId } = await tenantOf(h, query);
    const past = new Date(Date.now() - 1000);
    const user = h.app.db
      .selectFrom('users')
      .select('id')
      .where('tenant_id', '=', tenantId)
      .where('external_id', '=', query.get('userId') ?? '');
    const { numUpdatedRows } = await h.app.db
      .updateTable('verification_codes')
      .set({ expires_at: past, resend_at: past })
      .where('user_id', 'in', user)
      .where('consumed_at', 'is', null)
      .executeTakeFirst();
    return { expired: Number(numUpdatedRows) };
  },
  // The partner changes which methods its tenant offers (`tfa tenant set --methods`).
  'allow-methods': async (h, query) => {
    const { tenantId } = await tenantOf(h, query);
    const methods = (query.get('methods') ?? '').split(',');
    await updateTenant(h.app.db, tenantId, { settings: { methods } });
    return { methods };
  },
  // What `npm run build:widget` writes to custom-elements.json, made from the current sources.
  manifest: async () => widgetManifest(),
  redeem: async (h, query) => {
    const { secretKey } = await tenantOf(h, query);
    const response = await h.app.inject({
      method: 'POST',
      url: '/v1/results/redeem',
      headers: { authorization: `Bearer ${secretKey}` },
      payload: { resultToken: query.get('resultToken') },
    });
    return { status: response.statusCode, body: response.json() };
  },
};

/** Koa-style middleware of the test runner's dev server for `/__tfa/<name>?…`. */
export async function harnessMiddleware(
  context: { path: string; querystring: string; body: unknown; type: string; status: number },
  next: () => Promise<unknown>,
) {
  const name = context.path.match(/^\/__tfa\/([\w-]+)$/)?.[1];
  const handler = name ? handlers[name] : undefined;
  if (!handler) return next();
  if (!harness) throw new Error('the two-factor server is not running');
  try {
    context.body = JSON.stringify(await handler(harness, new URLSearchParams(context.querystring)));
    context.type = 'application/json';
  } catch (error) {
    context.status = 500;
    context.body = JSON.stringify({ error: (error as Error).message });
    context.type = 'application/json';
  }
}
