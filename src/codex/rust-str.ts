// Rust's notion of whitespace, which the Codex model needs wherever Codex trims or splits text:
// char::is_whitespace is the Unicode White_Space property. JavaScript's \s differs: it lacks U+0085
// and includes U+FEFF (a byte order mark), which Rust does not treat as whitespace.

const WHITE_SPACE = '\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const ONE = new RegExp(`^[${WHITE_SPACE}]$`, 'u');
const LEADING = new RegExp(`^[${WHITE_SPACE}]+`, 'u');
const TRAILING = new RegExp(`[${WHITE_SPACE}]+$`, 'u');

/** char::is_whitespace */
export function isRustWhitespace(c: string): boolean {
  return ONE.test(c);
}

/** str::trim_start */
export function rustTrimStart(s: string): string {
  return s.replace(LEADING, '');
}

/** str::trim_end */
export function rustTrimEnd(s: string): string {
  return s.replace(TRAILING, '');
}

/** str::trim */
export function rustTrim(s: string): string {
  return rustTrimEnd(rustTrimStart(s));
}
