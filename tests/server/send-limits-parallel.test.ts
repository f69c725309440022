// Defends docs/limits.md "Per-tenant send limits" under load: for every limit, 50 sends at once that
// only that limit can stop let exactly the limit through to the provider, and the other 45 are
// refused by that limit and counted nowhere. The races run on PostgreSQL only: PGlite runs one
// transaction at a time, so a race there proves nothing, and they are reported as skipped.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { startFakePlivo } from '../fakes/plivo.ts';
import { describeEachDatabase, makeTenant, mintSession } from '../helpers/build-app.ts';

const PGLITE_SKIP =
  'PGlite runs one transaction at a time, so a race proves nothing there: this runs on PostgreSQL';

const PARALLEL = 50;
const CAP = 5;

/** Room everywhere but in the limit under test. */
const ROOMY = {
  smsPerNumberPer10Minutes: 10_000,
  smsPerPrefixPerHour: 10_000,
  smsPerCountryPerHour: 10_000,
  codesPerUserPerHour: 10_000,
  codesPerIpPerHour: 10_000,
  dailySmsBudget: 10_000,
};
const ROOMY_HTTP = { sendsPerMinute: 10_000, verifiesPerMinute: 10_000, perMinute: 10_000 };

/** The `i`th of 80 French mobile numbers, each in its own prefix (all but the last 4 digits). */
function numberInOwnPrefix(i: number) {
  const second = [0, 1, 2, 4, 5, 6, 7, 8][Math.floor(i / 10)];
  return `+336${second}${i % 10}125678`;
}

/** The `i`th number of one prefix: they differ in their last 4 digits only. */
const numberInOnePrefix = (i: number) => `+3361234${String(i).padStart(4, '0')}`;

interface Shape {
  limit: string;
  setting: Record<string, number>;
  phone: (i: number) => string;
  ip: (i: number) => string;
  /** One user for every send, or one each. */
  oneUser?: boolean;
}

const shapes: Shape[] = [
  {
    limit: 'per-number',
    setting: { smsPerNumberPer10Minutes: CAP },
    phone: () => '+33612345678',
    ip: (i) => `198.51.100.${i + 1}`,
  },
  {
    limit: 'per-prefix',
    setting: { smsPerPrefixPerHour: CAP },
    phone: numberInOnePrefix,
    ip: (i) => `198.51.100.${i + 1}`,
  },
  {
    limit: 'per-country',
    setting: { smsPerCountryPerHour: CAP },
    phone: numberInOwnPrefix,
    ip: (i) => `198.51.100.${i + 1}`,
  },
  {
    limit: 'per-user',
    setting: { codesPerUserPerHour: CAP },
    phone: numberInOwnPrefix,
    ip: (i) => `198.51.100.${i + 1}`,
    oneUser: true,
  },
  {
    limit: 'per-ip',
    setting: { codesPerIpPerHour: CAP },
    phone: numberInOwnPrefix,
    ip: () => '203.0.113.9',
  },
  {
    limit: 'daily-budget',
    setting: { dailySmsBudget: CAP },
    phone: numberInOwnPrefix,
    ip: (i) => `198.51.100.${i + 1}`,
  },
];

describeEachDatabase('send limits under parallel sends', ({ build, kind }) => {
  const race = kind === 'pglite' ? { skip: PGLITE_SKIP } : {};
  let fake: Awaited<ReturnType<typeof startFakePlivo>>;
  before(async () => {
    fake = await startFakePlivo();
  });
  after(() => fake.close());

  async function app(t: Parameters<typeof build>[0]) {
    fake.reset();
    return build(
      t,
      {
        PLIVO_AUTH_ID: fake.authId,
        PLIVO_AUTH_TOKEN: fake.authToken,
        PLIVO_SENDER: 'Clinic',
        PLIVO_API_URL: fake.url,
      },
      { httpLimits: ROOMY_HTTP },
    );
  }

  let users = 0;
  async function session(
    server: FastifyInstance,
    tenant: Awaited<ReturnType<typeof makeTenant>>,
    userId: string,
  ) {
    return mintSession(server, tenant, { userId, purpose: 'setup' });
  }

  for (const shape of shapes) {
    test(
      `${shape.limit}: ${PARALLEL} sends at once, exactly ${CAP} reach the provider`,
      race,
      async (t) => {
        const server = await app(t);
        const tenant = await makeTenant(server, { ...ROOMY, ...shape.setting });
        users += 1;
        const shared = `parallel-${users}`;
        // Sessions first, so the sends themselves start together.
        const tokens = await Promise.all(
          Array.from({ length: PARALLEL }, (_, i) =>
            session(server, tenant, shape.oneUser ? shared : `${shared}-${i}`),
          ),
        );
        const responses = await Promise.all(
          tokens.map((token, i) =>
            server.inject({
              method: 'POST',
              url: '/v1/widget/phone',
              remoteAddress: shape.ip(i),
              headers: { authorization: `Bearer ${token}`, origin: tenant.origin },
              payload: { phone: shape.phone(i) },
            }),
          ),
        );
        const answers = responses.map((r) =>
          r.statusCode === 200 ? 'sent' : `${r.statusCode} ${r.json().error.limit ?? r.body}`,
        );
        assert.equal(answers.filter((a) => a === 'sent').length, CAP, answers.join(', '));
        assert.equal(
          answers.filter((a) => a === `429 ${shape.limit}`).length,
          PARALLEL - CAP,
          answers.join(', '),
        );
        assert.equal(fake.requests.length, CAP, 'refused sends make no provider call');
        const counter = await server.db
          .selectFrom('send_counters')
          .select('counts')
          .where('tenant_id', '=', tenant.tenantId)
          .where('scope', '=', shape.limit)
          .execute();
        assert.equal(
          counter.flatMap((row) => row.counts).reduce((sum, n) => sum + n, 0),
          CAP,
          'only the admitted sends are counted',
        );
      },
    );
  }
});
