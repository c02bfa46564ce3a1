import { STATUS_CODES } from 'node:http';
import { describe, expect, it } from 'vitest';
import { reasonPhrase } from '../../src/net/reason-phrase.js';

describe('reasonPhrase', () => {
  it("is Node's own phrase for every status Node knows, and empty for others", () => {
    for (const [status, phrase] of Object.entries(STATUS_CODES)) expect(reasonPhrase(Number(status))).toBe(phrase);
    expect(reasonPhrase(299)).toBe('');
    expect(reasonPhrase(-1)).toBe('');
  });
});
