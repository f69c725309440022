import { createRequire } from 'node:module';
import type { FastifyServerOptions } from 'fastify';

// The very compilers Fastify uses by default, resolved from Fastify itself (its dependencies).
const fromFastify = createRequire(import.meta.resolve('fastify'));
const AjvCompiler = fromFastify('@fastify/ajv-compiler') as () => Factory;
const SerializerCompiler = fromFastify('@fastify/fast-json-stringify-compiler') as {
  SerializerSelector: () => Factory;
};

type Compile = (route: unknown) => (...args: unknown[]) => unknown;
type Factory = (...options: unknown[]) => Compile;

/** Each route's validator or serializer compiled on its route's first request, then kept. */
function lazily(factory: Factory): Factory {
  return (...options) => {
    const compile = factory(...options);
    return (route) => {
      let compiled: ((...args: unknown[]) => unknown) | undefined;
      const run = (...args: unknown[]) => {
        compiled ??= compile(route);
        return compiled(...args);
      };
      // Fastify reads a validator's errors from the function, after the call.
      return Object.defineProperty(run, 'errors', {
        get: () => (compiled as { errors?: unknown } | undefined)?.errors,
      });
    };
  };
}

/**
 * Fastify's own compilers (Ajv with the server's options, fast-json-stringify), each schema
 * compiled when first used instead of all at start: a server answers its probes sooner and idles
 * in less memory, and every request is validated and serialized exactly as before. (No route has a
 * headers schema: Fastify lower-cases one's keys only for its default compiler.)
 */
export const lazySchemaCompilers = {
  compilersFactory: {
    buildValidator: lazily(AjvCompiler()),
    buildSerializer: lazily(SerializerCompiler.SerializerSelector()),
  },
} as unknown as NonNullable<FastifyServerOptions['schemaController']>;
