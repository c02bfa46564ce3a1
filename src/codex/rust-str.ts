// Rust's notion of whitespace, which the Codex model needs wherever Codex trims or splits text:
// char::is_whitespace is the Unicode White_Space property. JavaScript's \s differs: it lacks U+0085
// and includes U+FEFF (a byte order mark), which Rust does not treat as whitespace.
// Trimming walks the string with a loop: a `[ws]+$` regex retries from every blank of a long run that is not
// at the end, which is quadratic on input a user (or an attacker) controls.

/** Every White_Space character is in the BMP, so one UTF-16 code unit each. */
function isWhitespaceCode(code: number): boolean {
  return (
    (code >= 0x09 && code <= 0x0d) ||
    code === 0x20 ||
    code === 0x85 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}

/** char::is_whitespace */
export function isRustWhitespace(c: string): boolean {
  return c.length === 1 && isWhitespaceCode(c.charCodeAt(0));
}

/** str::trim_start */
export function rustTrimStart(s: string): string {
  let start = 0;
  while (start < s.length && isWhitespaceCode(s.charCodeAt(start))) start++;
  return s.slice(start);
}

/** str::trim_end */
export function rustTrimEnd(s: string): string {
  let end = s.length;
  while (end > 0 && isWhitespaceCode(s.charCodeAt(end - 1))) end--;
  return s.slice(0, end);
}

/** str::trim */
export function rustTrim(s: string): string {
  return rustTrimEnd(rustTrimStart(s));
}

/** str::trim_end_matches with a set of characters (`/` and `\` off a path), in a loop for the same reason. */
export function trimEndMatches(s: string, chars: string): string {
  let end = s.length;
  while (end > 0 && chars.includes(s.charAt(end - 1))) end--;
  return s.slice(0, end);
}
