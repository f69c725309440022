/** `value` when it is one of `known`, else `other`: label values must stay a small, fixed set. */
export function bounded<T extends string>(value: unknown, known: readonly T[]): T | 'other' {
  return known.includes(value as T) ? (value as T) : 'other';
}
