// The words of env.precedence's summary line and evidence: the variables Codex reads and where each comes
// from, what each transport trusts, the route to each Codex host, CODEX_HOME and its .env, the system proxy.
import { describeOrigin } from '../codex/env.js';
import { describeProxyDecision, redactProxyValue, type ProxyDecision, type Transport } from '../codex/proxy.js';
import type { SystemProxySettings } from '../codex/system-proxy.js';
import type { TrustPlan } from '../codex/trust.js';
import type { CodexWorld } from '../codex/world.js';
import type { EvidenceSection } from '../core/types.js';
import { transportShort } from './env-proxy.js';
import type { Speaker } from './speaker.js';

/** "CODEX_CA_CERTIFICATE wins; HTTPS and WebSocket via http://proxy:3128; 2 problems." */
export function envSummary(trust: TrustPlan, decisions: readonly ProxyDecision[], problems: number): string {
  const selected = trust.selection.kind === 'variable' && trust.bundleSupported ? `${trust.selection.variable} wins` : 'No CA bundle: system roots';
  return `${selected}; ${summariseRoutes(decisions)}${problems > 0 ? `; ${problems} problem${problems === 1 ? '' : 's'}` : ''}.`;
}

/** "HTTPS and WebSocket via http://proxy:3128" or "HTTPS direct, WebSocket via ...". */
function summariseRoutes(decisions: readonly ProxyDecision[]): string {
  const route = (t: Transport): string => {
    const words = new Set(
      decisions
        .filter((d) => d.transport === t)
        .map((d) => (d.kind === 'proxy' ? `via ${d.url.display}` : d.kind === 'unsupported' || d.kind === 'invalid' ? 'an unusable proxy' : 'direct')),
    );
    return [...words].join(' or ');
  };
  const https = route('https');
  const websocket = route('websocket');
  return https === websocket ? `HTTPS and WebSocket ${https}` : `HTTPS ${https}, WebSocket ${websocket}`;
}

/**
 * The evidence sections. `variables`: the names the check reports on, in order; `proxyNames` among them are
 * shown redacted.
 */
export function envEvidence(
  say: Speaker,
  world: CodexWorld,
  trust: TrustPlan,
  decisions: readonly ProxyDecision[],
  variables: Iterable<string>,
  proxyNames: ReadonlySet<string>,
): EvidenceSection[] {
  const lines: string[] = [];
  for (const name of variables) {
    const origin = world.provenance[name];
    const value = world.env[name];
    if (value === undefined && origin?.source !== 'dotenv-ignored') continue;
    const shown = value === undefined ? '(not set)' : proxyNames.has(name) ? redactProxyValue(value) : value;
    lines.push(`${name}=${JSON.stringify(shown)}  <- ${describeOrigin(name, origin, say.dotenv)}`);
  }
  const dotenv = world.dotenv;
  const dotenvLines = [
    `${say.dotenv}: ${dotenv.status}${dotenv.error ? ` (${dotenv.error})` : ''}`,
    ...dotenv.applied.map((a) => `line ${a.line}: ${a.name} applied${a.overridesShell ? ' (overrides the shell)' : ''}`),
    ...dotenv.ignored.map((i) => `line ${i.line}: ${i.name} ignored (CODEX_* names are not allowed in .env)`),
    ...dotenv.skipped.map((s) => `line ${s.line}: skipped, ${s.reason}`),
  ];
  return [
    { title: 'Variables Codex reads', lines: lines.length > 0 ? lines : ['(none of the CA or proxy variables is set)'] },
    { title: 'What each transport trusts', lines: [trust.https.sentence, trust.websocket.sentence] },
    {
      title: 'Route to each Codex host',
      lines: decisions.flatMap((d) => [`${transportShort(d.transport)} ${d.target}: ${describeProxyDecision(d)}`, ...d.notes.map((n) => `  note: ${n.text}`)]),
    },
    { title: `CODEX_HOME (${world.codexHomeSource})`, lines: [world.codexHome, ...dotenvLines] },
    ...(world.systemProxy ? [systemProxyEvidence(world.systemProxy)] : []),
  ];
}

function systemProxyEvidence(system: SystemProxySettings): EvidenceSection {
  const lines =
    system.error !== null
      ? [`not read: ${system.error}`]
      : [
          `HTTPS proxy (used by Codex HTTPS where HTTPS_PROXY is empty): ${system.https === null ? 'none' : redactProxyValue(system.https)}`,
          ...(system.noProxy !== null ? [`exceptions (used as NO_PROXY where it is empty): ${system.noProxy}`] : []),
          ...(system.exceptions.length > 0 ? [`bypass list (not applied by Codex): ${system.exceptions.join(', ')}`] : []),
          `automatic configuration (ignored unless respect_system_proxy): ${system.pac ?? 'none'}`,
        ];
  return { title: `System proxy settings (${system.command})`, lines };
}
