// IT's answer to the doctor's request, played on a real lab: the file IT mails lands where users save it, and a
// proxy rule IT removes stops applying to the next CONNECT.
import { readFile } from 'node:fs/promises';
import { request } from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { supplyIt } from '../../conformance/it-supply.js';
import { startLab, type Lab, type LabSpec } from '../../src/lab/world.js';

const labs: Lab[] = [];
afterEach(async () => {
  await Promise.all(labs.splice(0).map((lab) => lab.stop()));
});

async function lab(spec: LabSpec): Promise<Lab> {
  const started = await startLab(spec);
  labs.push(started);
  return started;
}

function connectStatus(port: number, target: string): Promise<number | undefined> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: 'CONNECT', path: target });
    req.once('connect', (response, socket) => {
      socket.destroy();
      resolve(response.statusCode);
    });
    req.once('error', reject);
    req.end();
  });
}

describe('conformance: what IT supplies', () => {
  it('mails the corporate root, saved to ~/Downloads, and lifts a block page on the running proxy', async () => {
    const spec: LabSpec = { corporateCa: { product: 'netskope' }, proxy: { mode: 'connect', blockPage: { hosts: ['auth.openai.com'], at: 'connect' } } };
    const running = await lab(spec);
    const home = path.join(running.files.dir, 'home');
    expect(await supplyIt('corporate-root', running, spec, home)).toContain('~/Downloads/netskope-root.crt');
    expect(await readFile(path.join(home, 'Downloads', 'netskope-root.crt'), 'utf8')).toBe(running.pem.corporateRoot);

    expect(await connectStatus(running.proxy!.port, 'auth.openai.com:443')).toBe(403);
    expect(await supplyIt('allow-host', running, spec, home)).toContain('auth.openai.com');
    expect(await connectStatus(running.proxy!.port, 'auth.openai.com:443')).toBe(200);
  });

  it('plays no answer it cannot play honestly: a weak CA reissued, a password, a proxy that has no such rule', async () => {
    const spec: LabSpec = { proxy: { mode: 'connect' } };
    const running = await lab(spec);
    const home = path.join(running.files.dir, 'home');
    expect(await supplyIt('weak-ca', running, spec, home)).toBeNull();
    expect(await supplyIt('proxy-credentials', running, spec, home)).toBeNull();
    expect(await supplyIt('allow-websocket', running, spec, home)).toBeNull();
    expect(await supplyIt('proxy-reachability', running, spec, home)).toBeNull();
  });
});
