// A report stays small whatever the input: an echoed value (a 100 KB host name, a flood of header lines,
// a bundle of 30,000 certificates) is cut to a size a person reads, and says how much was left out.
// Checks bound what they echo at the source; this is the safety net every record passes through.

/** Far above any legitimate line (the longest in the lab scenarios is under 1,000 characters). */
export const MAX_TEXT_LENGTH = 2000;
/** Far above any legitimate list (evidence lines of a large bundle are the longest). */
export const MAX_LIST_LENGTH = 500;

/** `text`, or its first `max` characters and how many more there were. */
export function clip(text: string, max = MAX_TEXT_LENGTH): string {
  return text.length <= max ? text : `${text.slice(0, max)}… [${text.length - max} more characters]`;
}

/**
 * Every string clipped and every list cut (a list of strings says how many entries were left out) in a
 * JSON-like value. A fix action is kept whole: a cut value would be a wrong fix, and actions come from the
 * doctor's own plan, not from echoed input.
 */
export function bounded<T>(value: T): T {
  return boundValue(value, '') as T;
}

function boundValue(value: unknown, key: string): unknown {
  if (key === 'action') return value;
  if (typeof value === 'string') return clip(value);
  if (Array.isArray(value)) {
    const kept = value.slice(0, MAX_LIST_LENGTH).map((item) => boundValue(item, ''));
    const left = value.length - kept.length;
    if (left > 0 && value.every((item) => typeof item === 'string')) kept.push(`… [${left} more]`);
    return kept;
  }
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = boundValue(v, k);
    return out;
  }
  return value;
}
