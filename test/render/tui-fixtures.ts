// A DoctorSession the test drives by hand: it emits exactly the events the test sends, when it sends them.
import { EventEmitter } from 'node:events';
import { buildReport } from '../../src/core/report.js';
import type { CheckRecord, Report, RunEvent } from '../../src/core/types.js';
import type { DoctorSession } from '../../src/main.js';

export interface ControlledRun {
  signal: AbortSignal;
  emit(event: RunEvent): void;
  /** Settles the run: every record is emitted as an 'end' event, then 'done', then run() resolves. */
  finish(records: CheckRecord[], exitCode: number): void;
  crash(error: Error): void;
}

export const SAVED_PATH = '/tmp/reports/codex-doctor-report-2025-01-01T00-00-00-000Z.json';
export const SAVED_MARKDOWN_PATH = '/tmp/reports/codex-doctor-report-2025-01-01T00-00-00-000Z.md';

export function controlledSession(planned: Array<{ id: string; title: string }>) {
  const runs: ControlledRun[] = [];
  const saved: Report[] = [];
  const session: DoctorSession = {
    planned,
    strict: false,
    run(onEvent, signal) {
      return new Promise<Report>((resolve, reject) => {
        runs.push({
          signal: signal ?? new AbortController().signal,
          emit: (event) => onEvent?.(event),
          finish: (records, exitCode) => {
            for (const record of records) onEvent?.({ type: 'end', id: record.id, record });
            onEvent?.({ type: 'done', checks: records });
            resolve(reportOf(records, exitCode));
          },
          crash: reject,
        });
      });
    },
    async save(report) {
      saved.push(report);
      return { json: SAVED_PATH, markdown: SAVED_MARKDOWN_PATH };
    },
  };
  return { session, runs, saved };
}

export function reportOf(checks: CheckRecord[], exitCode: number): Report {
  return buildReport({
    checks,
    environment: { platform: 'linux', arch: 'x64', node: '20.20.0', doctorVersion: '0.1.0', codexVersion: null, codexHome: '/home/dev/.codex', variables: {} },
    generatedAt: new Date('2025-01-01T00:00:00Z'),
    durationMs: 1234,
    exitCode,
  });
}

export const PLANNED = [
  { id: 'ca.bundle', title: 'CA bundle' },
  { id: 'env.precedence', title: 'CA variable precedence' },
  { id: 'tls.auth', title: 'TLS to auth.openai.com' },
];

export const FAILING_CA: CheckRecord = {
  id: 'ca.bundle',
  title: 'CA bundle',
  status: 'fail',
  summary: 'CODEX_CA_CERTIFICATE holds no certificate',
  error: { stage: 'parse', code: 'CA_NO_CERTIFICATES', detail: '/home/dev/corp.crt has no CERTIFICATE block.' },
  findings: [
    {
      level: 'fail',
      code: 'CA_NO_CERTIFICATES',
      stage: 'parse',
      detail: '/home/dev/corp.crt has no CERTIFICATE block.',
      cause: { code: 'PEM_NO_CERTS', message: 'no certificates found in PEM file' },
      hints: [
        {
          text: 'Export the corporate root as PEM and point CODEX_CA_CERTIFICATE at it.',
          command: 'openssl x509 -inform DER -in /home/dev/corp.crt -out /home/dev/corp-root-certificate-authority.pem',
        },
      ],
    },
  ],
  evidence: [
    { title: 'Presented chain', lines: ['0 CN=auth.openai.com, issued by CN=Corp Inspection CA', '1 CN=Corp Inspection CA (not in any trust set)'] },
    { title: 'Trust sets compared', lines: ['CODEX_CA_CERTIFICATE: 0 certificates', 'system roots: 146 certificates'] },
  ],
  durationMs: 12,
};

export const PASSING_ENV: CheckRecord = {
  id: 'env.precedence',
  title: 'CA variable precedence',
  status: 'pass',
  summary: 'Codex uses CODEX_CA_CERTIFICATE for both transports',
  findings: [],
  evidence: [],
  durationMs: 3,
};

export const WARNING_TLS: CheckRecord = {
  id: 'tls.auth',
  title: 'TLS to auth.openai.com',
  status: 'warn',
  summary: 'The bundle lists the same root twice',
  findings: [
    {
      level: 'warn',
      code: 'CA_DUPLICATE',
      stage: 'tls-verify',
      detail: 'CN=Corp Root appears twice in the bundle.',
      hints: [{ text: 'Remove the duplicate block from the bundle.', snippet: '[shell_environment_policy]\ninherit = "core"' }],
    },
  ],
  evidence: [],
  durationMs: 840,
};

/** What a terminal keyboard looks like to Ink: raw mode, 'readable' and read(). */
class FakeKeyboard extends EventEmitter {
  isTTY = true;
  private pending: string[] = [];
  setRawMode(): this {
    return this;
  }
  setEncoding(): this {
    return this;
  }
  ref(): this {
    return this;
  }
  unref(): this {
    return this;
  }
  resume(): this {
    return this;
  }
  pause(): this {
    return this;
  }
  read(): string | null {
    return this.pending.shift() ?? null;
  }
  press(keys: string): void {
    this.pending.push(keys);
    this.emit('readable');
  }
}

/** What a terminal screen looks like to Ink: a TTY stream with a size, which records everything written. */
export class FakeTerminal extends EventEmitter {
  isTTY = true;
  output = '';
  constructor(
    public columns: number,
    public rows = 40,
  ) {
    super();
  }
  write(chunk: string): boolean {
    this.output += chunk;
    return true;
  }
}

/** A fake keyboard typed as the stream Ink takes (Ink uses only the members above). */
export function fakeKeyboard(isTTY = true): NodeJS.ReadStream & { press(keys: string): void } {
  return Object.assign(new FakeKeyboard(), { isTTY }) as unknown as NodeJS.ReadStream & { press(keys: string): void };
}
