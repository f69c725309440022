import { phoneFormats } from './phone-formats.generated.ts';

type Format = [pattern: string, format: string, leadingDigits: string, nationalRule: string];

/** Digit counts of each group of a pattern like `(\d{3})(\d{2,3})`; null when it is not that simple. */
function groupLengths(pattern: string): [number, number][] | null {
  const groups = [...pattern.matchAll(/\(\\d(?:\{(\d+)(?:,(\d+))?\})?\)/g)];
  if (groups.map((group) => group[0]).join('') !== pattern) return null;
  return groups.map(([, min = '1', max]) => [Number(min), Number(max ?? min)]);
}

function chooseFormat(formats: Format[], digits: string): Format | undefined {
  const candidates = formats.filter(([pattern, , leading]) => {
    if (leading && !new RegExp(`^(?:${leading})`).test(digits)) return false;
    const lengths = groupLengths(pattern);
    return lengths !== null && lengths.reduce((sum, [, max]) => sum + max, 0) >= digits.length;
  });
  return (
    candidates.find(([pattern]) => new RegExp(`^(?:${pattern})$`).test(digits)) ?? candidates[0]
  );
}

/** Fills the groups of `format` with `digits`, as far as they go. */
function fill(format: string, lengths: [number, number][], digits: string) {
  const literals = format.split(/\$\d/);
  let rest = digits;
  let out = literals[0] ?? '';
  lengths.forEach(([min, max], index) => {
    if (!rest) return;
    // While typing, each group takes its shortest length; the last one takes what is left.
    const take = index === lengths.length - 1 ? max : min;
    out += rest.slice(0, take);
    rest = rest.slice(take);
    if (rest) out += literals[index + 1] ?? '';
  });
  return (out + rest).trim();
}

/**
 * Formats a national number as it is typed, from libphonenumber-js's formatting rules for the
 * country: `0612345678` → `06 12 34 56 78` in France. Unknown shapes come back as typed digits.
 */
export function formatNational(input: string, country: string): string {
  const digits = input.replace(/\D/g, '');
  const data = phoneFormats[country];
  if (!data || !digits) return digits;
  const [nationalPrefix, formats] = data;
  const prefixed = nationalPrefix !== '' && digits.startsWith(nationalPrefix);
  const significant = prefixed ? digits.slice(nationalPrefix.length) : digits;
  const chosen = chooseFormat(formats, significant);
  const lengths = chosen && groupLengths(chosen[0]);
  if (!chosen || !lengths) return digits;
  const [pattern, format, , nationalRule] = chosen;
  const complete = new RegExp(`^(?:${pattern})$`).exec(significant);
  const withPrefix = prefixed
    ? format.replace('$1', nationalRule || `${nationalPrefix}$1`)
    : format;
  if (complete) return significant.replace(new RegExp(`^(?:${pattern})$`), withPrefix);
  const formatted = fill(format, lengths, significant);
  return prefixed ? `${nationalPrefix}${formatted}` : formatted;
}
