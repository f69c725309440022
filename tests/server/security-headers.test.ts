// Defends docs/security.md "Response headers": Helmet's headers, worked out once at start-up, are
// exactly what Helmet itself sets on a response, and every answer carries them, errors and
// widget API answers included.
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { test } from 'node:test';
import helmet from 'helmet';
import { helmetHeaders } from '../../server/plugins/security-headers.ts';
import { describeEachDatabase } from '../helpers/build-app.ts';

const SERVER_OPTIONS = { crossOriginResourcePolicy: { policy: 'cross-origin' as const } };

/** The headers Helmet sets on a real response of a real server, per request as it is meant to. */
async function helmetOnRealResponse(options: Parameters<typeof helmet>[0]) {
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    helmet(options)(request, response, () => response.end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as { port: number };
    const answer = await fetch(`http://127.0.0.1:${port}/`);
    const headers = Object.fromEntries(answer.headers);
    for (const own of ['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding']) {
      delete headers[own];
    }
    return headers;
  } finally {
    server.close();
  }
}

test("the headers worked out once are Helmet's own, for the server's and the demo's options", async () => {
  const demoLike = {
    contentSecurityPolicy: { useDefaults: false, directives: { 'default-src': ["'self'"] } },
    strictTransportSecurity: false,
    referrerPolicy: { policy: 'same-origin' as const },
  };
  for (const options of [SERVER_OPTIONS, demoLike]) {
    const once = Object.fromEntries(helmetHeaders(options));
    assert.deepEqual(once, await helmetOnRealResponse(options));
    assert.ok(Object.keys(once).length >= 10, 'the whole set, not a part of it');
  }
});

describeEachDatabase('security headers on every answer', ({ build }) => {
  test('a health check, an unknown route and a refused widget call all carry them', async (t) => {
    const app = await build(t);
    const expected = helmetHeaders(SERVER_OPTIONS);
    for (const url of ['/healthz', '/v1/nothing-here', '/v1/widget/session']) {
      const response = await app.inject(url);
      for (const [name, value] of expected) {
        assert.equal(response.headers[name], value, `${url}: ${name}`);
      }
    }
  });
});
