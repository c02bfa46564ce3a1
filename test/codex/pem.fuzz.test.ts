// Mutates valid bundles a few thousand times (seeded, so every run sees the same inputs): the PEM reader,
// the certificate reader and the format sniffer never throw, never hang, and always return a well-formed answer.
import { isUtf8 } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sniffBundleFormat } from '../../src/codex/bundle-format.js';
import { readCertificate, registerVerdict } from '../../src/codex/certificate.js';
import { codexDerItemLength } from '../../src/codex/der.js';
import { decodeBase64Exact, parseCodexPem, rustDebugBytes, type PemParseResult } from '../../src/codex/pem.js';

const fixture = (name: string): Buffer => readFileSync(new URL(`../../fixtures/bundles/${name}`, import.meta.url));

const SEEDS: Buffer[] = [
  fixture('rsa-root.pem'),
  fixture('trusted-certificate.pem'),
  fixture('with-crl.pem'),
  Buffer.concat([fixture('ecdsa-p384-root.pem'), fixture('critical-extension-root.pem'), fixture('trusted-certificate.pem')]),
  Buffer.from(fixture('rsa-root.pem').toString('utf8').replace(/\n/g, '\r\n')),
  // No newline after the last END line: Codex reads it (rustls-pki-types >= 1.10.1).
  Buffer.from(fixture('rsa-root.pem').toString('utf8').trimEnd()),
  Buffer.from((fixture('rsa-root.pem').toString('utf8') + fixture('ecdsa-p384-root.pem').toString('utf8')).replace(/\n/g, '\r\n').trimEnd()),
];

const SNIPPETS = [
  '-----BEGIN CERTIFICATE-----\n', '-----END CERTIFICATE-----\n', '-----BEGIN TRUSTED CERTIFICATE-----\n',
  '-----END TRUSTED CERTIFICATE-----\n', '-----BEGIN X509 CRL-----\n', '-----END X509 CRL-----\n', '-----BEGIN PRIVATE KEY-----\n',
  'TRUSTED CERTIFICATE', '-----BEGIN ', '-----', '=', '==\n', '\r', '\n', '\ufeff', '\u0000', 'MII', '  ',
].map((s) => Buffer.from(s));

/** mulberry32: small, fast, deterministic. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function mutate(input: Buffer, random: () => number): Buffer {
  const int = (n: number): number => Math.floor(random() * n);
  let out = Buffer.from(input);
  const rounds = 1 + int(4);
  for (let r = 0; r < rounds; r++) {
    const at = int(out.length + 1);
    switch (int(7)) {
      case 0: // flip a byte
        if (out.length > 0) out[Math.min(at, out.length - 1)] = int(256);
        break;
      case 1: // insert a structural snippet
        out = Buffer.concat([out.subarray(0, at), SNIPPETS[int(SNIPPETS.length)]!, out.subarray(at)]);
        break;
      case 2: // delete a range
        out = Buffer.concat([out.subarray(0, at), out.subarray(Math.min(out.length, at + 1 + int(80)))]);
        break;
      case 3: { // duplicate a range elsewhere
        const from = int(out.length + 1);
        const chunk = out.subarray(from, from + int(200));
        out = Buffer.concat([out.subarray(0, at), chunk, out.subarray(at)]);
        break;
      }
      case 4: // truncate
        out = out.subarray(0, at);
        break;
      case 5: // flip a bit inside the base64 text (keeps it base64-shaped, breaks the DER)
        if (out.length > 0) {
          const i = Math.min(at, out.length - 1);
          const c = out[i]!;
          if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) out[i] = c ^ 0x20;
        }
        break;
      case 6: // random bytes
        out = Buffer.concat([out.subarray(0, at), Buffer.from(Array.from({ length: 1 + int(16) }, () => int(256))), out.subarray(at)]);
        break;
    }
  }
  return out;
}

/**
 * The oracle: rustls-pki-types 1.14 `pem::from_slice` + `read` and custom_ca.rs's loop, ported line for line
 * (one call per item, a fresh base64 buffer each, a last line without a newline still read), without any of
 * the parser's shortcuts. The parser must give the same answer on every input.
 */
type Outcome = { ok: true; certificates: [der: string, line: number][] } | { ok: false; kind: string; detail: string };

function referenceParse(input: Buffer): Outcome {
  let text = (isUtf8(input) ? input : Buffer.from(input.toString('utf8'), 'utf8')).toString('latin1');
  const trusted = text.includes('TRUSTED CERTIFICATE');
  if (trusted) text = text.replaceAll('BEGIN TRUSTED CERTIFICATE', 'BEGIN CERTIFICATE').replaceAll('END TRUSTED CERTIFICATE', 'END CERTIFICATE');
  const known = ['CERTIFICATE', 'PUBLIC KEY', 'RSA PRIVATE KEY', 'PRIVATE KEY', 'EC PRIVATE KEY', 'X509 CRL', 'CERTIFICATE REQUEST', 'ECHCONFIG'];
  const lineOf = (offset: number): number => text.slice(0, offset).split('\n').length;
  const fail = (kind: string, detail: string): Outcome => ({ ok: false, kind, detail });
  const certificates: [string, number][] = [];
  let cursor = 0;
  for (;;) {
    // from_slice
    let b64 = '';
    let section: { label: string; end: string; at: number } | null = null;
    let item: { label: string; der: Buffer; at: number } | null = null;
    for (;;) {
      const lineStart = cursor;
      const ends = [text.indexOf('\n', cursor), text.indexOf('\r', cursor)].filter((i) => i !== -1);
      let line: string | null;
      if (ends.length > 0) {
        const index = Math.min(...ends);
        line = text.slice(cursor, index);
        cursor = index + 1;
      } else if (cursor < text.length) {
        line = text.slice(cursor);
        cursor = text.length;
      } else {
        line = null;
      }
      if (line === null) {
        if (section) return fail('missing-section-end', `failed to parse PEM file: missing section end marker: ${rustDebugBytes(Buffer.from(section.end, 'latin1'))}`);
        break;
      }
      if (line.startsWith('-----BEGIN ')) {
        let trailer = 0;
        let pos = line.length;
        for (let i = line.length - 1; i >= 0; i--) {
          const c = line[i];
          if (c === '-') {
            trailer++;
            pos = i;
          } else if (c === '\n' || c === '\r' || c === ' ') continue;
          else break;
        }
        if (trailer !== 5) return fail('illegal-section-start', `failed to parse PEM file: illegal section start: ${rustDebugBytes(Buffer.from(line, 'latin1'))}`);
        const label = line.slice(11, pos);
        section = { label, end: `-----END ${label}-----`, at: lineStart };
        continue;
      }
      if (section && line.startsWith(section.end)) {
        if (!known.includes(section.label)) {
          section = null;
          b64 = '';
          continue;
        }
        const der = decodeBase64Exact(Buffer.from(b64, 'latin1'));
        if (typeof der === 'string') return fail('base64', `failed to parse PEM file: base64 decode error: ${der}`);
        item = { label: section.label, der, at: section.at };
        break;
      }
      if (section) b64 += line;
    }
    if (item === null) break;
    if (item.label !== 'CERTIFICATE') continue;
    let der = item.der;
    if (trusted) {
      const length = codexDerItemLength(der);
      if (length === null) return fail('trusted-der-length', 'failed to extract certificate data from TRUSTED CERTIFICATE: invalid DER length');
      der = der.subarray(0, length);
    }
    certificates.push([der.toString('base64'), lineOf(item.at)]);
  }
  return certificates.length === 0 ? fail('no-certificates', 'no certificates found in PEM file') : { ok: true, certificates };
}

function outcomeOf(result: PemParseResult): Outcome {
  return result.ok
    ? { ok: true, certificates: result.certificates.map((c): [string, number] => [c.der.toString('base64'), c.line]) }
    : { ok: false, kind: result.failure.kind, detail: result.codexDetail };
}

const DETAIL = /^(no certificates found in PEM file|failed to extract certificate data from TRUSTED CERTIFICATE: invalid DER length|failed to parse PEM file: (illegal section start: \[[\d, ]*\]|missing section end marker: \[[\d, ]*\]|base64 decode error: (InvalidCharacter\(\d+\)|PrematurePadding|InvalidTrailingPadding)))$/;

describe('PEM reader fuzz', () => {
  it('never throws or hangs on 4,000 mutated bundles, and always answers as rustls-pki-types and Codex do', () => {
    const random = prng(0xc0dec);
    const started = performance.now();
    const outcomes = new Map<string, number>();
    let blocks = 0;
    for (let i = 0; i < 4000; i++) {
      const input = mutate(SEEDS[i % SEEDS.length]!, random);
      const result = parseCodexPem(input);
      expect(outcomeOf(result), `input #${i}`).toEqual(referenceParse(input));
      // The native roots rely on it: a file of exactly a block's bytes loads that block's certificate alone.
      const asNativeRoots = parseCodexPem(input, { normaliseTrusted: false });
      for (const [parsed, options] of [[result, {}], [asNativeRoots, { normaliseTrusted: false }]] as const) {
        for (const cert of parsed.ok ? parsed.certificates : []) {
          if (!cert.block) continue;
          const alone = parseCodexPem(input.subarray(cert.block.start, cert.block.end), options);
          expect(alone.ok && alone.certificates.map((c) => c.der.toString('base64')), `input #${i}, block of line ${cert.line}`).toEqual([cert.der.toString('base64')]);
          blocks++;
        }
      }
      const format = sniffBundleFormat(input);
      expect(typeof format.kind).toBe('string');
      if (result.ok) {
        expect(result.certificates.length).toBeGreaterThan(0);
        expect(result.counts.certificates).toBe(result.certificates.length);
        for (const cert of result.certificates) {
          const read = readCertificate(cert.der);
          const verdict = registerVerdict(read);
          if (!read.ok) expect(verdict.websocket).toBe('invalid peer certificate: BadEncoding');
        }
        outcomes.set('ok', (outcomes.get('ok') ?? 0) + 1);
      } else {
        expect(result.codexDetail).toMatch(DETAIL);
        outcomes.set(result.failure.kind, (outcomes.get(result.failure.kind) ?? 0) + 1);
      }
    }
    expect(blocks).toBeGreaterThan(500);
    // The mutations reach every outcome, so the fuzz exercises every path it claims to.
    expect([...outcomes.keys()].sort()).toEqual(['base64', 'illegal-section-start', 'missing-section-end', 'no-certificates', 'ok', 'trusted-der-length']);
    // A generous sanity bound (seconds, not a benchmark): a hang or quadratic blow-up would blow it.
    expect(performance.now() - started).toBeLessThan(60_000);
  }, 120_000);
});
