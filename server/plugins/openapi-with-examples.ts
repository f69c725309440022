import type { FastifySchema } from 'fastify';
import { errorExample, NO_BODY, parameterExamples, routeExamples } from './openapi-examples.ts';

type Schema = Record<string, unknown> & { properties?: Record<string, unknown> };

const withExample = (schema: Schema, example: unknown) => ({ ...schema, examples: [example] });

function withParameterExamples(schema: Schema) {
  if (!schema.properties) return schema;
  const properties = Object.fromEntries(
    Object.entries(schema.properties).map(([name, property]) => [
      name,
      name in parameterExamples
        ? withExample(property as Schema, parameterExamples[name])
        : property,
    ]),
  );
  return { ...schema, properties };
}

/**
 * A route's schema for the OpenAPI document only (validation keeps the original), with the
 * examples of openapi-examples.ts on its body, its answers and its parameters.
 */
export function withExamples(schema: FastifySchema, methods: string[], url: string): FastifySchema {
  if (!schema) return schema;
  const examples = methods
    .map((method) => routeExamples[`${method} ${url}`])
    .find((found) => found !== undefined);
  const result: Record<string, unknown> = { ...schema };
  if (schema.body && examples?.body !== undefined) {
    result.body = withExample(schema.body as Schema, examples.body);
  }
  if (schema.response) {
    result.response = Object.fromEntries(
      Object.entries(schema.response as Record<string, Schema>).map(([status, answer]) => {
        const example =
          examples?.[Number(status)] ??
          (Number(status) >= 400 ? errorExample(Number(status)) : undefined);
        if (example === NO_BODY) return [status, { type: 'null', description: answer.description }];
        return [status, example === undefined ? answer : withExample(answer, example)];
      }),
    );
  }
  for (const part of ['params', 'querystring'] as const) {
    if (schema[part]) result[part] = withParameterExamples(schema[part] as Schema);
  }
  return result;
}
