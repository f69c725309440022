import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError } from '../errors.ts';
import type { OutboxMessage } from '../providers/outbox.ts';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(messages: OutboxMessage[]) {
  const rows = messages
    .map(
      (m) =>
        `<tr><td>${escapeHtml(m.createdAt)}</td><td>${m.channel}</td><td>${escapeHtml(m.to)}</td>` +
        `<td>${escapeHtml(m.subject ?? '')}</td><td><pre>${escapeHtml(m.body)}</pre></td></tr>`,
    )
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Dev outbox</title>
<style>body{font:14px system-ui;margin:2rem}table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.4rem;text-align:left;vertical-align:top}pre{margin:0;white-space:pre-wrap}</style>
</head><body><h1>Dev outbox</h1><p>Messages the server would have sent, newest first. Never in production.</p>
<table><thead><tr><th>Time</th><th>Channel</th><th>To</th><th>Subject</th><th>Body</th></tr></thead><tbody>${rows || '<tr><td colspan="5">No messages yet.</td></tr>'}</tbody></table></body></html>`;
}

const Messages = Type.Object({
  messages: Type.Array(
    Type.Object({
      channel: Type.Union([Type.Literal('sms'), Type.Literal('email')]),
      to: Type.String(),
      subject: Type.Optional(Type.String()),
      body: Type.String(),
      createdAt: Type.String({ format: 'date-time' }),
    }),
  ),
});

/** `GET /dev/outbox`: what the outbox holds, as HTML or (Accept: application/json) JSON. Not in production. */
export const devOutboxRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/dev/outbox',
    {
      schema: {
        tags: ['operations'],
        summary:
          'Development only, from this machine: the SMS and emails the outbox holds, newest first',
        produces: ['application/json', 'text/html'],
        response: { 200: Messages },
      },
    },
    async (request, reply) => {
      // The codes are readable here: only from this machine. The socket's own address, never
      // `request.ip`, which with TRUST_PROXY believes whatever X-Forwarded-For says.
      if (!LOOPBACK.test(request.raw.socket.remoteAddress ?? ''))
        throw new AppError('not_found', { message: 'No route GET /dev/outbox.' });
      const messages = app.outbox.list();
      if (request.headers.accept?.includes('application/json')) return { messages };
      return reply.type('text/html; charset=utf-8').send(page(messages) as never);
    },
  );
};
