import { describe, expect, it } from 'vitest';
import { bounded, clip, MAX_LIST_LENGTH, MAX_TEXT_LENGTH } from '../../src/core/bound.js';

describe('bounded: a report stays small whatever it echoes', () => {
  it('cuts a long string and says how much was left out', () => {
    expect(clip('abcdef', 3)).toBe('abc… [3 more characters]');
    expect(clip('abc', 3)).toBe('abc');
  });

  it('cuts every string and every list of a record, but keeps a fix action whole', () => {
    const long = 'x'.repeat(MAX_TEXT_LENGTH + 10);
    const record = {
      summary: long,
      evidence: [{ title: 't', lines: Array.from({ length: MAX_LIST_LENGTH + 3 }, (_, i) => `line ${i}`) }],
      findings: [{ detail: long, hints: [{ text: 'ok', action: { kind: 'set-env', name: 'HTTPS_PROXY', value: long } }] }],
    };
    const out = bounded(record);
    expect(out.summary).toBe(`${'x'.repeat(MAX_TEXT_LENGTH)}… [10 more characters]`);
    expect(out.evidence[0]!.lines).toHaveLength(MAX_LIST_LENGTH + 1);
    expect(out.evidence[0]!.lines.at(-1)).toBe('… [3 more]');
    expect(out.findings[0]!.detail.length).toBeLessThan(MAX_TEXT_LENGTH + 30);
    expect(out.findings[0]!.hints[0]!.action.value).toBe(long);
  });
});
