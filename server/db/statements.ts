import {
  type Compilable,
  type CompiledQuery,
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
} from 'kysely';
import type { Database } from './types.ts';

/** Stands in for a value while a statement is built; the value given at each run takes its place. */
class Slot {
  constructor(readonly name: string) {}
  [Symbol.toPrimitive](): never {
    throw new Error(`The value ${this.name} is only known when the statement runs`);
  }
}

/** Builds statements without a database: the same compiler as both drivers (PostgreSQL's). */
const builder = new Kysely<Database>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

/**
 * A statement of the hot paths, built and compiled once, the first time it runs; each run only puts
 * its values in. Building and compiling with Kysely cost more of a verification's time than any
 * other part of the server. `build` gets stand-ins for the values (`values.userId`) and may place
 * them only where Kysely makes them a parameter: not in an `in` list or a text (both refused when
 * the statement is built). A stand-in is an object: never test it (`?`, `??`, `||`), which picks a
 * branch once for every run; only a stand-in that ends up in no parameter at all is refused.
 *
 * The answer is Compilable, so it runs with `executeQuery` and goes to `writeWithNext` and
 * `readAfterNext` (pipeline.ts) as any query does.
 */
export function statement<Values extends object, Row>(
  build: (db: Kysely<Database>, values: Values) => Compilable<Row>,
): (values: Values) => Compilable<Row> {
  let compiled: { query: CompiledQuery<Row>; names: (keyof Values | undefined)[] } | undefined;
  return (values) => {
    compiled ??= compile(build);
    const { query, names } = compiled;
    const parameters = query.parameters.map((constant, i) => {
      const name = names[i];
      return name === undefined ? constant : values[name];
    });
    return { compile: () => ({ ...query, parameters }) };
  };
}

function compile<Values extends object, Row>(
  build: (db: Kysely<Database>, values: Values) => Compilable<Row>,
) {
  const used = new Set<string>();
  const slots = new Proxy({} as Values, {
    get: (_, name) => {
      used.add(String(name));
      return new Slot(String(name));
    },
    ownKeys: () => {
      throw new Error('The values of a statement are known only when it runs: name each one');
    },
  });
  const query = build(builder, slots).compile();
  const names = query.parameters.map((value) =>
    value instanceof Slot ? (value.name as keyof Values) : undefined,
  );
  // Kysely makes a single value after `in` one parameter: a list there would be one array.
  for (const [, number] of query.sql.matchAll(/\bin \$(\d+)/gi)) {
    const name = names[Number(number) - 1];
    if (name !== undefined) throw new Error(`A list is a shape, not a value: ${String(name)}`);
  }
  const placed = new Set(names.filter((name) => name !== undefined).map(String));
  const lost = [...used].filter((name) => !placed.has(name));
  if (lost.length > 0) {
    throw new Error(`Not a parameter of the statement: ${lost.join(', ')}\n${query.sql}`);
  }
  return { query, names };
}

/**
 * A statement per shape (an `in` list's members, a number of rows), each built once: shapes come
 * from the code and the settings, so they are few.
 */
export function statementPer<Shape, Values extends object, Row>(
  build: (shape: Shape) => (db: Kysely<Database>, values: Values) => Compilable<Row>,
): (shape: Shape, values: Values) => Compilable<Row> {
  const built = new Map<string, (values: Values) => Compilable<Row>>();
  return (shape, values) => {
    const key = String(shape);
    let bind = built.get(key);
    if (!bind) {
      bind = statement(build(shape));
      built.set(key, bind);
    }
    return bind(values);
  };
}

/** The row a statement answers. */
export type RowOf<Bind extends (values: never) => Compilable<unknown>> =
  ReturnType<Bind> extends Compilable<infer Row> ? Row : never;
