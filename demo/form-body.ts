import type { FastifyInstance } from 'fastify';

/** Forms here are a few short fields; anything bigger is not from these pages. */
const FORM_BODY_LIMIT_BYTES = 16 * 1024;

/** Parses `application/x-www-form-urlencoded` bodies into a plain object of strings. */
export function registerFormParser(app: FastifyInstance) {
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: FORM_BODY_LIMIT_BYTES },
    (_request, body, done) => {
      const fields: Record<string, string> = Object.create(null);
      for (const [name, value] of new URLSearchParams(body as string)) {
        // A field sent twice keeps its first value: no form here repeats a name.
        if (!(name in fields)) fields[name] = value;
      }
      done(null, fields);
    },
  );
}

/** A form field as a string; '' when absent or when the body was not a form at all. */
export function field(body: unknown, name: string): string {
  if (typeof body !== 'object' || body === null) return '';
  const value = (body as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : '';
}
