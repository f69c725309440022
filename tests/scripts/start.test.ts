// What `npm start` shows a developer: one readable line per request, and a busy port named with
// the variable that moves it before anything is built.
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import Fastify from 'fastify';
import { devLogStream } from '../../scripts/dev-log-stream.ts';
import { assertPortFree } from '../../scripts/port-check.ts';

test('each request is one readable line; other lines stay', async (t) => {
  let text = '';
  const out = new Writable({
    write(chunk, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  const app = Fastify({ logger: { level: 'info', stream: devLogStream(out) } });
  t.after(() => app.close());
  app.get('/v1/things/:id', async (request) => {
    request.log.warn({ thing: 'x' }, 'a warning of our own');
    return { ok: true };
  });
  app.post('/v1/things', async (_request, reply) => reply.status(401).send({}));
  await app.inject('/v1/things/7');
  await app.inject({ method: 'POST', url: '/v1/things' });

  const lines = text.trimEnd().split('\n');
  assert.equal(lines.length, 3, text);
  assert.match(lines[0] ?? '', /WARN: a warning of our own .*"thing":"x"/);
  assert.match(lines[1] ?? '', /INFO: 200 GET \/v1\/things\/7 \d+ ms$/);
  assert.match(lines[2] ?? '', /INFO: 401 POST \/v1\/things \d+ ms$/);
  assert.doesNotMatch(text, /incoming request|request completed|^\{/m);
});

test('a busy port is refused at once, naming the variable to set', async (t) => {
  const busy = createServer();
  await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
  t.after(() => new Promise((resolve) => busy.close(resolve)));
  const { port } = busy.address() as { port: number };

  await assert.rejects(
    assertPortFree(port, '127.0.0.1', 'DEMO_PORT'),
    new RegExp(`Port ${port} is already in use.*set DEMO_PORT.*DEMO_PORT=${port + 1} npm start`),
  );
  await new Promise((resolve) => busy.close(resolve));
  await assertPortFree(port, '127.0.0.1', 'DEMO_PORT');
});
