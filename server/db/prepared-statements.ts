import { createHash } from 'node:crypto';
import type pg from 'pg';

/** Statement texts named so far; beyond this many, a new text goes unnamed (PostgreSQL keeps a plan per name and connection). */
const MAX_NAMED = 500;
const names = new Map<string, string>();

/**
 * A parameterised statement as a named prepared statement: each connection then has PostgreSQL
 * parse and plan it once, and later runs send only its values. Every statement this server sends
 * is one of a fixed set of texts, so the set stays small.
 *
 * The name is a hash of the text, so one name means one text in every process and version: a
 * connection shared by mistake (a pooler that does not track prepared statements) can only fail,
 * never run another statement under the same name.
 *
 * A statement without values stays a plain query: `pg` sends those by the simple protocol, which
 * also runs the several statements of a migration in one text.
 */
export function preparedQuery(text: string, values: unknown[]): pg.QueryConfig {
  if (values.length === 0) return { text, values };
  let name = names.get(text);
  if (name === undefined && names.size < MAX_NAMED) {
    name = `tfa_${createHash('sha256').update(text).digest('hex').slice(0, 32)}`;
    names.set(text, name);
  }
  return name === undefined ? { text, values } : { name, text, values };
}
