import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../errors.ts';

/** A whole number as people write one: Number() would take `1e400`, `0x10`, `Infinity` or `-0`. */
const DECIMAL_INTEGER = /^(0|[1-9][0-9]{0,15})$/;

type PropertySchemas = Record<string, { type?: unknown }>;

function integerNames(schema: unknown): string[] {
  const properties = (schema as { properties?: PropertySchemas } | undefined)?.properties ?? {};
  return Object.entries(properties)
    .filter(([, property]) => property.type === 'integer' || property.type === 'number')
    .map(([name]) => name);
}

/**
 * Checks the query string's and path's numbers as text, before Ajv converts them: its coercion
 * turns `1e400` into Infinity, which then skips `minimum` and `maximum` and reaches the database.
 */
export const strictNumbersPlugin = fp(async (app: FastifyInstance) => {
  app.addHook('preValidation', async (request: FastifyRequest) => {
    const schema = request.routeOptions.schema;
    if (!schema) return;
    for (const part of ['querystring', 'params'] as const) {
      const values = (part === 'querystring' ? request.query : request.params) as
        | Record<string, unknown>
        | undefined;
      for (const name of integerNames(schema[part])) {
        const value = values?.[name];
        if (value === undefined) continue;
        if (typeof value !== 'string' || !DECIMAL_INTEGER.test(value)) {
          const problem = `${part}.${name}: must be a whole number in decimal digits`;
          throw new AppError('invalid_request', {
            message: `Invalid request: ${problem}`,
            extra: { problems: [problem] },
          });
        }
      }
    }
  });
});
