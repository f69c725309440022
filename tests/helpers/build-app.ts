import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { after, before, describe } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { type AppOptions, buildApp } from '../../server/app.ts';
import { type Config, loadConfig } from '../../server/config.ts';
import { deriveKeys } from '../../server/crypto/keys.ts';
import type { DatabaseHandle } from '../../server/db/connect.ts';
import { createTenant } from '../../server/services/tenants.ts';
import { type DatabaseKind, databaseKinds, openTestDatabase } from './test-database.ts';

/** Every log line an app wrote, as text, so tests can grep it for secrets. */
export class LogCapture extends Writable {
  readonly lines: string[] = [];
  override _write(chunk: Buffer, _encoding: string, done: () => void) {
    this.lines.push(...chunk.toString().split('\n').filter(Boolean));
    done();
  }
  get text() {
    return this.lines.join('\n');
  }
}

/** Tests read the codes they send from the dev outbox, so it is on unless `env` says otherwise. */
export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    DEV_OUTBOX: 'true',
    LOG_LEVEL: 'trace',
    DATA_DIR: '/nonexistent',
    ...env,
  });
}

export interface TestContext {
  kind: DatabaseKind;
  database: DatabaseHandle;
  /** A new app on this file's database, closed after the test. */
  build(
    t: { after(fn: () => Promise<void>): void },
    env?: Record<string, string>,
    options?: Pick<AppOptions, 'httpLimits' | 'keys' | 'emailSender' | 'smsSender'>,
  ): Promise<TestApp>;
}

export type TestApp = FastifyInstance & { logs: LogCapture };

/**
 * Runs `suite` once per database kind, each with its own fresh database for this file. Tests make
 * their own tenants and users, so they share the database without seeing each other's data.
 */
export function describeEachDatabase(name: string, suite: (context: TestContext) => void) {
  for (const kind of databaseKinds()) {
    describe(`${name} [${kind}]`, () => {
      const context = { kind } as TestContext;
      before(async () => {
        context.database = await openTestDatabase(kind);
      });
      after(async () => {
        await context.database.close();
      });
      context.build = async (t, env = {}, options = {}) => {
        const logs = new LogCapture();
        const app = (await buildApp({
          ...options,
          config: testConfig(env),
          database: context.database,
          keys: options.keys ?? deriveKeys(randomBytes(32)),
          logStream: logs,
        })) as unknown as TestApp;
        app.logs = logs;
        t.after(() => app.close());
        await app.ready();
        return app;
      };
      suite(context);
    });
  }
}

let tenantCount = 0;

/** A tenant with one allowed origin (unique per call) and its secret key. */
export async function makeTenant(app: FastifyInstance, settings: Record<string, unknown> = {}) {
  tenantCount += 1;
  const origin = `https://clinic-${process.pid}-${tenantCount}.example`;
  const tenant = await createTenant(app.db, {
    name: `Clinic ${tenantCount}`,
    origins: [origin],
    settings,
  });
  return { ...tenant, origin };
}

/** A widget session for `userId`, minted through the partner API. */
export async function mintSession(
  app: FastifyInstance,
  tenant: { secretKey: string },
  body: Record<string, unknown>,
): Promise<string> {
  const response = await app.inject({
    method: 'POST',
    url: '/v1/sessions',
    headers: { authorization: `Bearer ${tenant.secretKey}` },
    payload: body,
  });
  if (response.statusCode !== 201)
    throw new Error(`mint failed: ${response.statusCode} ${response.body}`);
  return response.json().token;
}

/** A user's row, by the partner's id for them. */
export async function userRow(app: FastifyInstance, tenantId: string, externalId: string) {
  return app.db
    .selectFrom('users')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('external_id', '=', externalId)
    .executeTakeFirstOrThrow();
}
