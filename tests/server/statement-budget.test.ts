// Guards what one verify and one send cost the database: the statements they send (BEGIN and
// COMMIT included), the round trips those take (statements sent together, in one write, are one),
// and the pool checkouts, counted on the driver itself (pg's Pool.connect and Client.query) for a
// successful enrolment, sign-in and step-up verify, an enrolment send, and a sign-in's and a
// step-up's text message, authentication included; and that a request gives its connection back
// before a provider call and however it ends.
// A deterministic count, not a timing. PostgreSQL only: checkouts are the pg pool's.
import assert from 'node:assert/strict';
import { Socket } from 'node:net';
import { test } from 'node:test';
import pg from 'pg';
import { appOnOwnPostgres } from '../helpers/postgres-app.ts';
import {
  challengeSession,
  FRENCH_MOBILE,
  latestSmsCode,
  setupSession,
  type WidgetClient,
} from '../helpers/widget-client.ts';

const { DATABASE_URL } = process.env;
const needsPostgres = DATABASE_URL
  ? {}
  : { skip: "needs PostgreSQL (DATABASE_URL): the checkouts counted are the pg pool's" };

/**
 * Per request, successful, with its authentication: statements, round trips, and pool checkouts.
 * A verify takes one checkout; a send takes a second for the record that its code went out, after
 * the provider call.
 */
const BUDGET = {
  '/phone/verify': { statements: 6, roundTrips: 2, checkouts: 1 },
  '/challenge/verify': { statements: 6, roundTrips: 3, checkouts: 1 },
  '/step-up/verify': { statements: 7, roundTrips: 3, checkouts: 1 },
  // To a new number: the count goes out with the commit, the audit event with the change.
  '/phone': { statements: 12, roundTrips: 3, checkouts: 2 },
  // A sign-in's and a step-up's: begun at their authentication, as a send to a new number is.
  '/challenge': { statements: 12, roundTrips: 3, checkouts: 2 },
  '/step-up': { statements: 11, roundTrips: 3, checkouts: 2 },
};

interface Tally {
  checkouts: number;
  statements: string[];
  /** Writes on the socket to PostgreSQL: statements sent together, in one write, are one. */
  roundTrips: number;
}
let counting: Tally | undefined;

type Method = (...args: unknown[]) => unknown;
function countCalls(
  prototype: object,
  name: string,
  count: (tally: Tally, args: unknown[], self: unknown) => void,
) {
  const target = prototype as Record<string, Method>;
  const original = target[name] as Method;
  target[name] = function (this: unknown, ...args: unknown[]) {
    if (counting) count(counting, args, this);
    return original.apply(this, args);
  };
}
countCalls(pg.Pool.prototype, 'connect', (tally) => {
  tally.checkouts += 1;
});
countCalls(pg.Client.prototype, 'query', (tally, [text]) => {
  tally.statements.push(typeof text === 'string' ? text : (text as { text: string }).text);
});
const databasePort = Number(new URL(DATABASE_URL ?? 'postgres://localhost').port || 5432);
for (const name of ['_write', '_writev']) {
  countCalls(Socket.prototype, name, (tally, _args, socket) => {
    if ((socket as Socket).remotePort === databasePort) tally.roundTrips += 1;
  });
}

/** What one request cost, requests run one at a time and nothing else running meanwhile. */
async function tally(widget: WidgetClient, url: string, body: object) {
  counting = { checkouts: 0, statements: [], roundTrips: 0 };
  try {
    const response = await widget.post(url, body);
    assert.equal(response.statusCode, 200, response.body);
    return counting;
  } finally {
    counting = undefined;
  }
}

const listingOf = (cost: Tally) =>
  cost.statements.map((s, i) => `${i + 1}. ${s.slice(0, 100)}`).join('\n');

function assertWithin(url: keyof typeof BUDGET, cost: Tally) {
  const listing = listingOf(cost);
  const budget = BUDGET[url];
  assert.ok(
    cost.checkouts >= 1 && cost.checkouts <= budget.checkouts,
    `${url}: ${cost.checkouts} pool checkouts, budget ${budget.checkouts}`,
  );
  assert.ok(
    cost.statements.length <= budget.statements,
    `${url}: ${cost.statements.length} statements, budget ${budget.statements}:\n${listing}`,
  );
  assert.ok(
    cost.roundTrips <= budget.roundTrips,
    `${url}: ${cost.roundTrips} round trips, budget ${budget.roundTrips}:\n${listing}`,
  );
}

const costOf = (cost: Tally) =>
  `${cost.statements.length} statements in ${cost.roundTrips} round trips (${cost.checkouts} checkout)`;

test(
  'each verify: one pool checkout, and no more statements than its budget',
  needsPostgres,
  async (t) => {
    const { app } = await appOnOwnPostgres(t);
    // The notice worker polls on its own clock and claims after the answer: it is not the
    // request's cost, and stopped it cannot add to a count.
    await app.notices.close();

    const { tenant, widget, userId } = await setupSession(app);
    assert.equal((await widget.post('/phone', { phone: FRENCH_MOBILE })).statusCode, 200);
    const enrolment = await tally(widget, '/phone/verify', {
      code: await latestSmsCode(app, FRENCH_MOBILE),
    });
    assertWithin('/phone/verify', enrolment);

    const signIn = await challengeSession(app, tenant, { userId });
    assert.equal((await signIn.post('/challenge')).statusCode, 200);
    const challenge = await tally(signIn, '/challenge/verify', {
      code: await latestSmsCode(app, FRENCH_MOBILE),
    });
    assertWithin('/challenge/verify', challenge);

    assert.equal((await widget.post('/step-up')).statusCode, 200);
    const stepUp = await tally(widget, '/step-up/verify', {
      code: await latestSmsCode(app, FRENCH_MOBILE),
    });
    assertWithin('/step-up/verify', stepUp);

    t.diagnostic(
      `enrolment: ${costOf(enrolment)}; sign-in: ${costOf(challenge)}; step-up: ${costOf(stepUp)}`,
    );
  },
);

test(
  'a send: two transactions, the reservation (begun by authentication) and the record of the send, at most 12 statements in 3 round trips (the count goes out with the commit, the audit event with the change)',
  needsPostgres,
  async (t) => {
    const { app } = await appOnOwnPostgres(t);
    await app.notices.close();
    const { widget } = await setupSession(app);
    // Once before, so the allowed origins are cached, as for every later request.
    await widget.get('/session');
    const send = await tally(widget, '/phone', { phone: FRENCH_MOBILE });
    const transactions = send.statements.filter((s) => s.trim().toLowerCase() === 'begin');
    assert.equal(transactions.length, 2, listingOf(send));
    // The send counters every send of a tenant shares are locked by the count: nothing may wait
    // for its answer before the commit, or each send would hold them for a round trip.
    assertWithin('/phone', send);
    t.diagnostic(`a send: ${costOf(send)}`);
  },
);

test(
  "a sign-in's and a step-up's text message, each begun by its authentication: at most 12 and 11 statements in 3 round trips",
  needsPostgres,
  async (t) => {
    const { app } = await appOnOwnPostgres(t);
    await app.notices.close();
    const { tenant, widget, userId } = await setupSession(app);
    assert.equal((await widget.post('/phone', { phone: FRENCH_MOBILE })).statusCode, 200);
    const code = await latestSmsCode(app, FRENCH_MOBILE);
    assert.equal((await widget.post('/phone/verify', { code })).statusCode, 200);
    const signIn = await challengeSession(app, tenant, { userId });
    const send = await tally(signIn, '/challenge', {});
    const phoneReads = send.statements.filter((s) => /^select \* from "phone_factors"/.test(s));
    assert.deepEqual(phoneReads, [], listingOf(send));
    assertWithin('/challenge', send);
    // A step-up's, to the same phone: the phone is the one the methods read under the lock give.
    const stepUp = await tally(widget, '/step-up', {});
    assertWithin('/step-up', stepUp);
    t.diagnostic(`a sign-in's text message: ${costOf(send)}; a step-up's: ${costOf(stepUp)}`);
  },
);

test('the connection a request leases goes back, however the request ends', {
  ...needsPostgres,
  timeout: 60_000,
}, async (t) => {
  // One connection in all: a lease that never went back would stall every later request.
  const { app } = await appOnOwnPostgres(t, {
    pool: { DATABASE_POOL_SIZE: 1, DATABASE_CONNECT_TIMEOUT_MS: 3000 },
  });
  const { widget } = await setupSession(app, { allowedCountries: ['FR'] });
  const answers: number[] = [];
  const sends: number[] = [];
  for (let round = 0; round < 3; round += 1) {
    // Refused after authentication (a setup session cannot start a sign-in), answered after one
    // checkout, a body refused by its schema.
    answers.push((await widget.post('/challenge')).statusCode);
    answers.push((await widget.get('/session')).statusCode);
    answers.push((await widget.post('/phone', { phone: 42 })).statusCode);
    // Sends, whose reservation authentication begins: a refusal written in it (a country not
    // allowed), a code sent (then a second checkout), and refusals after it (the resend wait).
    sends.push((await widget.post('/phone', { phone: '+4915123456789' })).statusCode);
    sends.push((await widget.post('/phone', { phone: FRENCH_MOBILE })).statusCode);
  }
  assert.deepEqual(sends, [422, 200, 422, 429, 422, 429]);
  const parallel = await Promise.all(
    Array.from({ length: 10 }, (_, i) =>
      i % 2 ? widget.get('/session') : widget.post('/challenge'),
    ),
  );
  answers.push(...parallel.map((response) => response.statusCode));
  assert.deepEqual(
    answers.filter((status) => status >= 500),
    [],
    'no request waited out the pool: every lease went back',
  );
  assert.equal(answers.length, 19);
});

test('a send holds no connection while its provider answers', {
  ...needsPostgres,
  timeout: 60_000,
}, async (t) => {
  // One connection in all: held across the provider call, it would keep every other request out.
  const { app } = await appOnOwnPostgres(t, {
    pool: { DATABASE_POOL_SIZE: 1, DATABASE_CONNECT_TIMEOUT_MS: 3000 },
  });
  const { widget } = await setupSession(app);
  const other = await setupSession(app, {}, 'other-patient');
  let answer!: () => void;
  const answered = new Promise<void>((resolve) => {
    answer = resolve;
  });
  let called!: () => void;
  const calling = new Promise<void>((resolve) => {
    called = resolve;
  });
  const sender = app.deps.smsSender;
  const send = sender.send.bind(sender);
  sender.send = async (message) => {
    called();
    await answered;
    return send(message);
  };
  const sending = widget.post('/phone', { phone: FRENCH_MOBILE });
  await calling;
  const meanwhile = await other.widget.get('/session');
  answer();
  assert.equal(meanwhile.statusCode, 200, 'answered while the provider had the send');
  assert.equal((await sending).statusCode, 200);
});
