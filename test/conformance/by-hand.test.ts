// The user's change by hand, played on a real lab exactly as the doctor's manual action says: written where a
// new shell reads it, only where the action names the variable, file and line, and never echoed with a password.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeCredential, playByHand, type HandWorld } from '../../conformance/by-hand.js';
import { startLab, type Lab, type LabSpec } from '../../src/lab/world.js';

const labs: Lab[] = [];
afterEach(async () => {
  await Promise.all(labs.splice(0).map((lab) => lab.stop()));
});

async function world(spec: LabSpec, extra: Partial<HandWorld> = {}): Promise<HandWorld> {
  const lab = await startLab(spec);
  labs.push(lab);
  const homeDir = path.join(lab.files.dir, 'home');
  const codexHome = path.join(homeDir, '.codex');
  await mkdir(codexHome, { recursive: true });
  return { lab, spec, byHand: {}, homeDir, codexHome, env: { HOME: homeDir, PATH: '/usr/bin:/bin' }, scenarioEnv: {}, ...extra };
}

/** What the proxy answers to a CONNECT with the Basic credentials of `url`. */
function connectWith(url: string): Promise<number | undefined> {
  const parsed = new URL(url);
  const login = Buffer.from(`${decodeURIComponent(parsed.username)}:${decodeURIComponent(parsed.password)}`).toString('base64');
  return new Promise((resolve, reject) => {
    const req = request({ host: parsed.hostname, port: Number(parsed.port), method: 'CONNECT', path: 'auth.openai.com:443', headers: { 'proxy-authorization': `Basic ${login}` } });
    req.once('connect', (response, socket) => {
      socket.destroy();
      resolve(response.statusCode);
    });
    req.once('error', reject);
    req.end();
  });
}

describe('conformance: the user by hand', () => {
  const password = 'p@ss:w/rd%1!';
  const spec: LabSpec = { proxy: { mode: 'connect', auth: { username: 'alice', password } } };

  it('writes the proxy login into the variable the action names, encoded as the doctor says, and says so without the password', async () => {
    const hands = await world(spec);
    const play = await playByHand({ kind: 'manual', topic: 'proxy-login', variable: 'HTTPS_PROXY' }, hands);
    expect(play).toEqual({ kind: 'played', what: 'the user wrote the proxy login the network team gave into HTTPS_PROXY in ~/.bashrc' });
    const profile = await readFile(path.join(hands.homeDir, '.bashrc'), 'utf8');
    const url = /^export HTTPS_PROXY='([^']*)'\n$/.exec(profile)?.[1];
    expect(url).toBe(`${hands.lab.proxyUrl!.replace('://', `://alice:${encodeCredential(password)}@`)}`);
    expect(encodeCredential(password)).toBe('p%40ss%3Aw%2Frd%251!');
    // The proxy takes what the user wrote.
    expect(await connectWith(url!)).toBe(200);
  });

  it('cannot carry out a proxy login or address without the variable, and does not model what the lab cannot know', async () => {
    const hands = await world(spec);
    expect(await playByHand({ kind: 'manual', topic: 'proxy-login' }, hands)).toMatchObject({ kind: 'vague' });
    expect(await playByHand({ kind: 'manual', topic: 'find-proxy-address' }, hands)).toMatchObject({ kind: 'vague' });
    expect(await playByHand({ kind: 'manual', topic: 'export-os-root' }, hands)).toBeNull();
    const noProxy = await world({});
    expect(await playByHand({ kind: 'manual', topic: 'find-proxy-address', variable: 'HTTPS_PROXY' }, noProxy)).toBeNull();
  });

  it('writes into $CODEX_HOME/.env when the action says the variable lives there, replacing its old line', async () => {
    const hands = await world(spec);
    await writeFile(path.join(hands.codexHome, '.env'), `OTHER=1\nHTTPS_PROXY=${hands.lab.proxyUrl}\n`);
    const play = await playByHand({ kind: 'manual', topic: 'proxy-login', variable: 'HTTPS_PROXY', target: 'codex-dotenv' }, hands);
    expect(play).toEqual({ kind: 'played', what: 'the user wrote the proxy login the network team gave into HTTPS_PROXY in $CODEX_HOME/.env' });
    const dotenv = await readFile(path.join(hands.codexHome, '.env'), 'utf8');
    expect(dotenv).toBe(`OTHER=1\nHTTPS_PROXY='${hands.lab.proxyUrl!.replace('://', `://alice:${encodeCredential(password)}@`)}'\n`);
    await expect(readFile(path.join(hands.homeDir, '.bashrc'), 'utf8')).rejects.toThrow();
    // `--proxy` is the doctor's own flag, no variable: nothing to write.
    expect(await playByHand({ kind: 'manual', topic: 'find-proxy-address', variable: '--proxy' }, hands)).toMatchObject({ kind: 'vague' });
  });

  it("writes the proxy's real address for find-proxy-address", async () => {
    const hands = await world({ proxy: { mode: 'connect' } });
    expect(await playByHand({ kind: 'manual', topic: 'find-proxy-address', variable: 'ALL_PROXY' }, hands)).toMatchObject({ kind: 'played' });
    expect(await readFile(path.join(hands.homeDir, '.bashrc'), 'utf8')).toBe(`export ALL_PROXY='${hands.lab.proxyUrl}'\n`);
  });

  it('retypes only the line of config.toml the action names, as the user meant it', async () => {
    const meant = 'model = "o3"\n\n[shell_environment_policy]\nset = { A = "/x" }\n';
    const hands = await world({}, { byHand: { configToml: meant } });
    const file = path.join(hands.codexHome, 'config.toml');
    const broken = 'model = "o3"\n# a comment of mine\n[shell_environment_policy]\nset = { A = /x }\n';
    await writeFile(file, broken);
    expect(await playByHand({ kind: 'manual', topic: 'repair-file', file }, hands)).toMatchObject({ kind: 'vague' });
    expect(await playByHand({ kind: 'manual', topic: 'repair-file', file: path.join(hands.homeDir, 'other.toml'), line: 4 }, hands)).toMatchObject({ kind: 'vague' });
    expect(await readFile(file, 'utf8')).toBe(broken);
    expect(await playByHand({ kind: 'manual', topic: 'repair-file', file, line: 4, column: 15 }, hands)).toMatchObject({ kind: 'played' });
    expect(await readFile(file, 'utf8')).toBe('model = "o3"\n# a comment of mine\n[shell_environment_policy]\nset = { A = "/x" }\n');
  });

  it("runs outside the sandbox with the user's own environment: none of the variables the sandbox gave", async () => {
    const scenarioEnv = { CODEX_NETWORK_PROXY_ACTIVE: '1', HTTPS_PROXY: 'http://127.0.0.1:9' };
    const hands = await world({}, { byHand: { outsideEnv: {} }, scenarioEnv, env: { HOME: '/h', PATH: '/bin', ...scenarioEnv } });
    const play = await playByHand({ kind: 'manual', topic: 'run-outside-sandbox' }, hands);
    expect(play?.kind === 'played' && play.env).toEqual({ HOME: '/h', PATH: '/bin' });
  });
});
