// Defends: no secret key, session token, code or full number in any log line (docs/security.md, "Data
// and logs"; attack test 6). Logs are captured at trace level, the most verbose there is.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import pino from 'pino';
import { loggerOptions } from '../../server/logger.ts';
import {
  describeEachDatabase,
  LogCapture,
  makeTenant,
  mintSession,
  testConfig,
} from '../helpers/build-app.ts';

test('the logger censors credentials, cookies, tokens, recovery codes and numbers wherever they sit', () => {
  const logs = new LogCapture();
  const options = loggerOptions(testConfig(), logs) as pino.LoggerOptions & { stream: LogCapture };
  const log = pino(options, options.stream);
  log.info({
    req: { headers: { authorization: 'Bearer sk_secret1', cookie: '__Host-tfa_trust=cookie1' } },
    res: { headers: { 'set-cookie': '__Host-tfa_trust=cookie2' } },
    body: { token: 'wst_token1', phone: '+33612345678', recoveryCode: 'ABCD-EFGH' },
    result: { resultToken: 'rt_1', secretKey: 'sk_secret2' },
    token: 'wst_top_level',
  });
  for (const secret of [
    'sk_secret1',
    'cookie1',
    'cookie2',
    'wst_token1',
    '+33612345678',
    'ABCD-EFGH',
    'rt_1',
    'sk_secret2',
  ]) {
    assert.ok(!logs.text.includes(secret), `${secret} censored`);
  }
  assert.match(logs.text, /\[redacted\]/);
});

describeEachDatabase('logs of real requests', ({ build }) => {
  test('never contain the secret key or the widget token', async (t) => {
    const app = await build(t);
    const tenant = await makeTenant(app);
    const token = await mintSession(app, tenant, {
      userId: 'p',
      purpose: 'setup',
      email: 'p@x.example',
    });
    await app.inject({
      url: '/v1/widget/session',
      headers: { authorization: `Bearer ${token}`, origin: tenant.origin },
    });
    await app.inject({
      url: '/v1/widget/session',
      headers: { authorization: `Bearer ${token}`, origin: 'https://evil.example' },
    });
    await app.inject({
      url: '/v1/users/p',
      headers: { authorization: `Bearer ${tenant.secretKey}x` },
    });
    assert.ok(app.logs.lines.length > 4, 'requests were logged');
    assert.ok(!app.logs.text.includes(tenant.secretKey.slice(3)), 'secret key absent');
    assert.ok(!app.logs.text.includes(token.slice(4)), 'token absent');
  });
});
