// The CA an IT request hands over: the presented CA certificate a missing root signed, in PEM, and never a
// certificate the doctor was not shown or one of an absurd size.
import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { chainData } from '../../src/checks/chain-verdict.js';
import { ticketFields } from '../../src/core/ticket.js';
import type { CheckRecord, Finding } from '../../src/core/types.js';
import { mintChain } from '../hostile/chains.js';

const minted = mintChain({ hostnames: ['auth.openai.com'], intermediates: 1 });
const presented = minted.chainPem.split(/(?=-----BEGIN CERTIFICATE-----)/).map((pem) => new X509Certificate(pem));
const [leaf, intermediate] = presented as [X509Certificate, X509Certificate];
const rootSubject = intermediate.issuer.split('\n').join(', ');

/** tls.auth failing with UnknownIssuer: the root of the presented chain is nowhere on the machine. */
function unknownIssuer(chain: X509Certificate[]): CheckRecord {
  const finding: Finding = { level: 'fail', code: 'TLS_UNKNOWN_ISSUER', stage: 'tls-verify', detail: 'No trusted root issued [1].', hints: [{ text: 'Ask IT for the root.' }] };
  return {
    id: 'tls.auth',
    title: 'TLS',
    status: 'fail',
    summary: 'UnknownIssuer',
    error: { stage: finding.stage, code: finding.code, detail: finding.detail },
    findings: [finding],
    evidence: [],
    data: { route: 'auth.openai.com:443 through http://127.0.0.1:3128 (HTTPS_PROXY)', chain: chainData(chain), issuerSearch: { issuer: rootSubject, found: [] } },
    durationMs: 1,
  };
}

describe('itRequest.ca', () => {
  it('hands over the presented CA certificate the missing root signed, in PEM, with its fingerprint', () => {
    const { itRequest } = ticketFields({ checks: [unknownIssuer(presented)], hosts: [] });
    expect(itRequest?.topic).toBe('corporate-root');
    expect(itRequest?.ca?.subject).toBe(rootSubject);
    expect(itRequest?.ca?.sha256).toBe(intermediate.fingerprint256);
    expect(new X509Certificate(itRequest!.ca!.pem!).fingerprint256).toBe(intermediate.fingerprint256);
  });

  it('has no PEM (nor fingerprint) when the proxy presented the leaf alone', () => {
    const { itRequest } = ticketFields({ checks: [unknownIssuer([leaf])], hosts: [] });
    expect(itRequest?.ca).toEqual({ subject: rootSubject, note: expect.any(String) });
  });

  it('keeps the PEM of CA certificates only, and only of a sane size', () => {
    const [leafData, caData] = chainData(presented);
    expect(leafData).not.toHaveProperty('pem');
    expect(caData?.pem).toBe(intermediate.toString());
    const { subject, issuer, validFrom, validTo, fingerprint256 } = intermediate;
    const huge = { subject, issuer, validFrom, validTo, fingerprint256, raw: Buffer.alloc(9000), toString: () => 'x'.repeat(12_000) } as unknown as X509Certificate;
    expect(chainData([leaf, huge])[1]).toEqual({ ...caData, pem: undefined });
    expect(chainData([leaf, huge])[1]).not.toHaveProperty('pem');
  });
});
