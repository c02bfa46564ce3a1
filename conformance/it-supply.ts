// What an IT team hands over or changes when the doctor's first fix is a request to IT, played on the
// scenario's own lab: the corporate root saved where people save what IT mailed them, or a rule removed from
// the running proxy. Topics the lab cannot play honestly (reissuing a weak CA, handing out a password) return
// null: those requests are counted, not measured.

import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { ItTopic } from '../src/core/types.js';
import type { Lab, LabSpec } from '../src/lab/world.js';

/** Performs IT's side of `topic` in the world; returns what was done, or null when it is not modelled here. */
export async function supplyIt(topic: ItTopic, lab: Lab, spec: LabSpec, homeDir: string): Promise<string | null> {
  switch (topic) {
    case 'corporate-root': {
      // IT mails the root (PEM, as Zscaler's admin portal exports it); the user saves it to Downloads.
      const product = spec.corporateCa?.product ?? 'zscaler';
      const saved = path.join(homeDir, 'Downloads', `${product}-root.crt`);
      await mkdir(path.dirname(saved), { recursive: true });
      await copyFile(lab.files.corporateRoot, saved);
      return `IT mailed the corporate root; saved as ~/Downloads/${path.basename(saved)}`;
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
      // weak-ca, proxy-credentials, and any topic added later: not played.
      return null;
  }
}
