// Routes that take nothing take nothing: a body with any field (or an array) is refused with
// invalid_request before the route acts, as unknown fields are everywhere else. No body, `{}` and
// `null` are what a client may send.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { describeEachDatabase } from '../helpers/build-app.ts';
import { challengeSession, enrol, setupSession, stepUp } from '../helpers/widget-client.ts';

const WIDGET_ROUTES = [
  ['POST', '/phone/resend'],
  ['POST', '/step-up'],
  ['POST', '/recovery-codes'],
  ['DELETE', '/two-factor'],
  ['DELETE', '/trusted-browsers'],
  ['DELETE', '/trusted-browsers/00000000-0000-4000-8000-000000000000'],
  ['DELETE', '/phone'],
  ['DELETE', '/totp'],
] as const;
const CHALLENGE_ROUTES = [
  ['POST', '/challenge'],
  ['POST', '/challenge/resend'],
] as const;
const PARTNER_ROUTES = ['', '/lockout', '/two-factor', '/trusted-browsers'];

describeEachDatabase('routes that take no body', ({ build }) => {
  test('refuse one, and change nothing', async (t) => {
    const app = await build(t);
    const { tenant, widget, userId } = await setupSession(app);
    await enrol(app, widget);
    await stepUp(app, widget);
    const signIn = await challengeSession(app, tenant, { userId });
    const before = (await widget.get('/session')).json();

    const refused = async (
      label: string,
      send: (body: unknown) => Promise<{ statusCode: number; json(): { error: { code: string } } }>,
    ) => {
      for (const body of [{ a: 1 }, []]) {
        const answer = await send(body);
        assert.equal(answer.statusCode, 400, `${label} ${JSON.stringify(body)}`);
        assert.equal(answer.json().error.code, 'invalid_request', label);
      }
    };
    const widgetCall = (token: string, method: string, url: string) => (body: unknown) =>
      app.inject({
        method: method as 'POST',
        url: `/v1/widget${url}`,
        headers: { authorization: `Bearer ${token}`, origin: tenant.origin },
        payload: body as object,
      });
    for (const [method, url] of WIDGET_ROUTES) {
      await refused(`${method} ${url}`, widgetCall(widget.token, method, url));
    }
    for (const [method, url] of CHALLENGE_ROUTES) {
      await refused(`${method} ${url}`, widgetCall(signIn.token, method, url));
    }
    for (const suffix of PARTNER_ROUTES) {
      const url = `/v1/users/${userId}${suffix}`;
      await refused(`DELETE ${url}`, (body) =>
        app.inject({
          method: 'DELETE',
          url,
          headers: { authorization: `Bearer ${tenant.secretKey}` },
          payload: body as object,
        }),
      );
    }

    assert.deepEqual((await widget.get('/session')).json(), before, 'nothing changed');
    const status = await app.inject({
      url: `/v1/users/${userId}`,
      headers: { authorization: `Bearer ${tenant.secretKey}` },
    });
    assert.equal(status.json().twoFactor.enabled, true);
    // Without a body, the same routes still act: one for each kind.
    assert.equal((await widget.post('/recovery-codes')).statusCode, 200);
    assert.equal((await widget.post('/recovery-codes', {})).statusCode, 200);
  });
});

test('every route that changes state has a body schema or refuses a body', () => {
  const dirs = ['server/routes/widget', 'server/routes/partner'];
  const unguarded: string[] = [];
  for (const dir of dirs) {
    for (const file of readdirSync(dir).filter((name) => name.endsWith('.ts'))) {
      const source = readFileSync(`${dir}/${file}`, 'utf8');
      for (const route of source.split(/\n {2}app\./).slice(1)) {
        const method = /^(post|put|patch|delete)\(/.exec(route)?.[1];
        if (!method) continue;
        const options = route.slice(0, route.indexOf('async ('));
        if (!/\bbody:/.test(options) && !options.includes('preValidation: takesNoBody')) {
          unguarded.push(`${file}: ${method} ${/'([^']+)'/.exec(route)?.[1]}`);
        }
      }
    }
  }
  assert.deepEqual(unguarded, []);
});
