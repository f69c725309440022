import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from '../db/unavailable.ts';
import { AppError, type ErrorCode, errorBody, errorCodes } from '../errors.ts';
import { HTTP_LIMITS } from './rate-limits.ts';

/** Fastify's own client errors, in our words. Everything unlisted keeps its status as `invalid_request`. */
const fastifyErrors: Record<string, { status: number; message: string }> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    message: 'Send JSON, with Content-Type: application/json.',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, message: 'The body is larger than 16 KiB.' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, message: 'The body is not valid JSON.' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, message: 'The body is empty but says it is JSON.' },
  FST_ERR_BAD_URL: { status: 400, message: 'The URL is malformed.' },
  FST_ERR_MAX_PARAM_LENGTH: { status: 414, message: 'A path parameter is too long.' },
};

/** A request too malformed for Fastify to parse (a NUL in a header): still the error shape. */
export function clientErrorHandler(_error: Error, socket: Socket) {
  const body = JSON.stringify(errorBody('invalid_request', 'The HTTP request is malformed.'));
  if (socket.writable) {
    socket.end(
      `HTTP/1.1 400 Bad Request\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  } else {
    socket.destroy();
  }
}

/**
 * Errors the router raises before any route (and so before the error handler): Fastify's
 * `frameworkErrors` option sends them here.
 */
export function frameworkErrorHandler(
  error: FastifyError,
  _request: FastifyRequest,
  reply: FastifyReply,
) {
  const known = fastifyErrors[error.code];
  reply
    .status(known?.status ?? 400)
    .send(errorBody('invalid_request', known?.message ?? errorCodes.invalid_request.message));
}

function describeValidation(error: FastifyError) {
  return (error.validation ?? []).map((issue) => {
    const where = `${error.validationContext ?? 'body'}${issue.instancePath.replaceAll('/', '.')}`;
    const extra = (issue.params as { additionalProperty?: string }).additionalProperty;
    return extra ? `${where}: unknown field "${extra}"` : `${where}: ${issue.message}`;
  });
}

/** The one place errors become responses, always `{error: {code, message, ...}}`. */
export const errorHandlerPlugin = fp(async (app: FastifyInstance) => {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      if (error.status >= 500) request.log.error({ err: error }, 'request failed');
      if (typeof error.extra.retryAfter === 'number')
        reply.header('retry-after', String(error.extra.retryAfter));
      return reply.status(error.status).send(errorBody(error.code, error.message, error.extra));
    }
    if (error.validation) {
      const problems = describeValidation(error);
      return reply
        .status(400)
        .send(
          errorBody('invalid_request', `Invalid request: ${problems.join('; ')}`, { problems }),
        );
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const known = fastifyErrors[error.code];
      const code: ErrorCode = status === 404 ? 'not_found' : 'invalid_request';
      return reply
        .status(known?.status ?? status)
        .send(errorBody(code, known?.message ?? errorCodes[code].message));
    }
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ err: error }, 'database unavailable');
      return reply
        .status(503)
        .header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS))
        .send(
          errorBody('unavailable', errorCodes.unavailable.message, {
            retryAfter: DATABASE_RETRY_AFTER_SECONDS,
          }),
        );
    }
    request.log.error({ err: error }, 'unexpected error');
    return reply.status(500).send(errorBody('internal_error', errorCodes.internal_error.message));
  });

  const notFoundLimit = app.rateLimit({ max: HTTP_LIMITS.notFoundPerMinute, timeWindow: 60_000 });
  app.setNotFoundHandler({ preHandler: notFoundLimit }, (request, reply) => {
    const path = (request.url.split('?')[0] ?? '').slice(0, 200);
    reply.status(404).send(errorBody('not_found', `No route ${request.method} ${path}.`));
  });
});
