import { describe, expect, it } from 'vitest';
import { isRustWhitespace, rustTrim, rustTrimEnd, rustTrimStart, trimEndMatches } from '../../src/codex/rust-str.js';

describe("Rust's whitespace", () => {
  it('is the Unicode White_Space property: U+0085 is whitespace, U+FEFF and U+200B are not', () => {
    expect(isRustWhitespace('\u0085')).toBe(true);
    expect(isRustWhitespace('\u3000')).toBe(true);
    expect(isRustWhitespace('\uFEFF')).toBe(false);
    expect(isRustWhitespace('\u200B')).toBe(false);
    expect(rustTrim('\u0085 \t a b \u2029\n')).toBe('a b');
    expect(rustTrim('\uFEFFa\uFEFF')).toBe('\uFEFFa\uFEFF');
    expect(rustTrimStart('  a  ')).toBe('a  ');
    expect(rustTrimEnd('  a  ')).toBe('  a');
    expect(rustTrim('   ')).toBe('');
    expect(rustTrim('')).toBe('');
  });

  it('trims in time linear in the length: a megabyte of blanks that is not at the end (a regex was quadratic here)', () => {
    const blanks = ' '.repeat(1024 * 1024);
    expect(rustTrimEnd(`a${blanks}b`)).toBe(`a${blanks}b`);
    expect(rustTrimStart(`a${blanks}b`)).toBe(`a${blanks}b`);
    expect(rustTrim(`${blanks}a${blanks}b${blanks}`)).toBe(`a${blanks}b`);
  });
});

describe('trimEndMatches', () => {
  it('drops trailing separators, in linear time (a megabyte of slashes inside a path)', () => {
    expect(trimEndMatches('/a/b//\\', '/\\')).toBe('/a/b');
    expect(trimEndMatches('///', '/')).toBe('');
    const slashes = '/'.repeat(1024 * 1024);
    expect(trimEndMatches(`/a${slashes}b`, '/\\')).toBe(`/a${slashes}b`);
  });
});
