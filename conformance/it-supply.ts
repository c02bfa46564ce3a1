// What an IT team hands over or changes when the doctor's first fix is a request to IT, played on the
// scenario's own lab: the corporate root saved where people save what IT mailed them, a rule removed from the
// running proxy, a weak inspection CA reissued. Topics the lab cannot play honestly (handing out a password)
// return null: those requests are counted, not measured.

import { X509Certificate } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ItTopic } from '../src/core/types.js';
import { corporateProductOptions, mintCorporateCa } from '../src/lab/pki.js';
import type { Lab, LabSpec } from '../src/lab/world.js';

/** What the doctor's request to IT says beyond its topic: the CA it names, and why it asks (check, stage, code, detail). */
export interface ItRequestFacts {
  ca?: string;
  reason?: string;
}

/** Performs IT's side of `topic` in the world; returns what was done, or null when it is not modelled here. */
export async function supplyIt(topic: ItTopic, lab: Lab, spec: LabSpec, homeDir: string, request: ItRequestFacts = {}): Promise<string | null> {
  switch (topic) {
    case 'corporate-root':
      return `IT mailed the corporate root; saved as ${await mailRoot(lab.pem.corporateRoot, spec, homeDir)}`;
    case 'fix-tls-path': {
      // A proxy serving leaves out of their validity period, and a request that says so: IT renews them.
      const validity = spec.corporateCa?.leaf?.validity;
      if (lab.proxy?.mode === 'inspect' && validity !== undefined && validity !== 'valid') {
        if (!/\b(TLS_EXPIRED|TLS_NOT_YET_VALID)\b/.test(request.reason ?? '')) return null;
        lab.proxy.change({ renewLeaves: true });
        return 'IT renewed the certificates the inspection proxy serves';
      }
      // A proxy that sends its leaf alone: IT hands over the intermediate the request names (the user adds it).
      const intermediate = lab.pem.corporateIntermediate;
      if (!intermediate || request.ca === undefined || !names(request.ca, intermediate)) return null;
      return `IT mailed the inspection intermediate the request named; saved as ${await mailRoot(intermediate, spec, homeDir, 'intermediate')}`;
    }
    case 'weak-ca': {
      // IT reissues the inspection CA with the product's own names and today's strength (SHA-256, RSA 2048),
      // installs it on the proxy and mails its new root.
      if (!lab.proxy || lab.proxy.mode !== 'inspect') return null;
      const product = corporateProductOptions(spec.corporateCa?.product ?? 'zscaler');
      const reissued = mintCorporateCa({ ...product, ...(spec.corporateCa?.intermediate === false ? { intermediate: null } : {}) });
      lab.proxy.change({ corporateCa: reissued });
      return `IT reissued the inspection CA (SHA-256, RSA 2048) and mailed its root; saved as ${await mailRoot(reissued.root.pem, spec, homeDir)}`;
    }
    case 'allow-websocket':
      if (!lab.proxy || spec.proxy?.refuseWebSocket === undefined) return null;
      lab.proxy.change({ refuseWebSocket: null });
      return 'IT let WebSocket upgrades through the proxy';
    case 'allow-host':
      if (!lab.proxy || !spec.proxy?.blockPage) return null;
      lab.proxy.change({ blockPage: null });
      return `IT allowed ${spec.proxy.blockPage.hosts.join(', ')} on the proxy`;
    case 'proxy-reachability':
      // A proxy that hangs, drops or answers 502 is repaired; a proxy address nobody listens on is not IT's to play.
      if (!lab.proxy || !spec.proxy?.failure || spec.proxy.failure === 'codex-policy') return null;
      lab.proxy.change({ failure: null });
      return `IT repaired the proxy (it was: ${spec.proxy.failure})`;
    default:
      // proxy-credentials (a password IT hands out, typed by the user), and any topic added later: not played.
      return null;
  }
}

/** Whether a subject the doctor wrote (`C=US, O=..., CN=...`) names the certificate `pem`: by its Common Name. */
function names(subject: string, pem: string): boolean {
  const cn = new X509Certificate(pem).subject.split('\n').find((part) => part.startsWith('CN='));
  return cn !== undefined && subject.split(', ').includes(cn);
}

/** The CA certificate IT mails (PEM, as the products' admin portals export it), saved by the user to ~/Downloads. */
async function mailRoot(pem: string, spec: LabSpec, homeDir: string, what: 'root' | 'intermediate' = 'root'): Promise<string> {
  const saved = path.join(homeDir, 'Downloads', `${spec.corporateCa?.product ?? 'zscaler'}-${what}.crt`);
  await mkdir(path.dirname(saved), { recursive: true });
  await writeFile(saved, pem);
  return `~/Downloads/${path.basename(saved)}`;
}
