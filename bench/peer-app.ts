// The peer: better-auth's two-factor OTP (sign-in) on the same PostgreSQL, in its own process, on
// a pool of the server's size. `POST /__bench/prepare` signs users in and sends each an OTP
// (captured by `sendOTP`), outside the measured window; `/api/auth/two-factor/verify-otp` is measured.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { betterAuth } from 'better-auth';
import { getMigrations } from 'better-auth/db/migration';
import { toNodeHandler } from 'better-auth/node';
import { twoFactor } from 'better-auth/plugins';
import { PostgresDialect } from 'kysely';
import pg from 'pg';

const PORT_BASE = 'http://127.0.0.1';
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const sentOtps = new Map<string, string>();
let baseURL = PORT_BASE;

const options = {
  baseURL: PORT_BASE,
  secret: randomBytes(32).toString('hex'),
  database: { dialect: new PostgresDialect({ pool }), type: 'postgres' as const },
  // Preparation only: sign-in is not measured, so the password hash need not cost scrypt's time.
  emailAndPassword: {
    enabled: true,
    password: {
      hash: async (password: string) => password,
      verify: async ({ hash, password }: { hash: string; password: string }) => hash === password,
    },
  },
  rateLimit: { enabled: false },
  telemetry: { enabled: false },
  plugins: [
    twoFactor({
      otpOptions: {
        // Ten minutes, as long as the server's codes live: a round's codes outlast the round.
        period: 10,
        sendOTP: ({ user, otp }: { user: { email: string }; otp: string }) => {
          sentOtps.set(user.email, otp);
        },
      },
    }),
  ],
};

const { runMigrations } = await getMigrations(options);
await runMigrations();

const makeAuth = () => betterAuth({ ...options, baseURL });
type Auth = ReturnType<typeof makeAuth>;

async function createUsers(count: number): Promise<Auth> {
  const signUp = makeAuth();
  for (let i = 0; i < count; i += 1) {
    await signUp.api.signUpEmail({
      body: { email: `peer-${i}@mail.example`, password: 'bench-password', name: `Peer ${i}` },
    });
  }
  // Two-factor on, as after enabling it: the flag, and the row its lockout counts on.
  await pool.query(`update "user" set "twoFactorEnabled" = true`);
  await pool.query(`insert into "twoFactor" (id, secret, "backupCodes", "userId", verified)
    select 'tf-' || id, 'unused', 'unused', id, true from "user"`);
  return makeAuth();
}

let auth: Auth | undefined;
let handler: ReturnType<typeof toNodeHandler> | undefined;

/** One sign-in with an OTP sent: the two-factor cookie and the code, as a browser would hold them. */
async function prepareOne(email: string) {
  const signedIn = await (auth as Auth).api.signInEmail({
    body: { email, password: 'bench-password' },
    asResponse: true,
  });
  const cookie = signedIn.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .filter((c) => c?.includes('two_factor') && !c.endsWith('='))
    .join('; ');
  if (!cookie) throw new Error(`no two-factor cookie: ${signedIn.status} ${await signedIn.text()}`);
  const sent = await (auth as Auth).api.sendTwoFactorOTP({
    headers: new Headers({ cookie }),
    asResponse: true,
  });
  if (sent.status !== 200) throw new Error(`send-otp: ${sent.status} ${await sent.text()}`);
  return { cookie, code: sentOtps.get(email) as string };
}

async function prepare(count: number, users: number) {
  const prepared = [];
  for (let start = 0; start < count; start += 20) {
    const batch: ReturnType<typeof prepareOne>[] = [];
    for (let i = start; i < Math.min(count, start + 20); i += 1) {
      batch.push(prepareOne(`peer-${i % users}@mail.example`));
    }
    // Twenty users at once, never one user twice: the OTP callback keys codes by address.
    prepared.push(...(await Promise.all(batch)));
  }
  return prepared;
}

const server = createServer(async (request, response) => {
  const url = new URL(request.url ?? '/', baseURL);
  if (url.pathname === '/__bench/prepare') {
    const users = Number(url.searchParams.get('users'));
    if (!auth) auth = await createUsers(users);
    handler ??= toNodeHandler(auth);
    const prepared = await prepare(Number(url.searchParams.get('count')), users);
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify(prepared));
    return;
  }
  if (!handler) {
    response.statusCode = 503;
    response.end();
    return;
  }
  handler(request, response);
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  baseURL = `${PORT_BASE}:${typeof address === 'object' && address ? address.port : 0}`;
  console.log(`listening on ${baseURL}`);
});
process.once('SIGTERM', () => {
  server.close();
  void pool.end().then(() => process.exit(0));
});
