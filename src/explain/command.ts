// `codex-doctor explain "<error text>"` (or the text on stdin): the explanation, then the report it rests on.
import { ExitCode } from '../core/exit-codes.js';
import type { Host } from '../core/host.js';
import type { Io } from '../main.js';
import type { ParsedCommand } from '../options.js';
import { renderExplainJson, renderExplainText } from '../render/explain.js';
import { explain, MAX_EXPLAIN_BYTES } from './explain.js';

export async function runExplain(parsed: Extract<ParsedCommand, { kind: 'explain' }>, io: Io, host: Host): Promise<number> {
  const text = parsed.text ?? (await io.readStdin?.(MAX_EXPLAIN_BYTES));
  if (text === undefined || text.trim() === '') {
    io.stderr.write('codex-doctor: explain needs the error text: codex-doctor explain "<error text>", or pipe it in.\nRun codex-doctor --help for the options.\n');
    return ExitCode.usage;
  }
  const result = await explain({ host, flags: parsed.flags, text, ...(io.signal && { signal: io.signal }) });
  if (parsed.flags.output === 'json') {
    io.stdout.write(renderExplainJson(result));
  } else {
    io.stdout.write(renderExplainText(result, { verbose: parsed.flags.verbose }));
    if (parsed.flags.output === 'markdown') {
      const { renderMarkdown } = await import('../render/markdown.js');
      io.stdout.write(`\n${renderMarkdown(result.report)}`);
    }
  }
  return result.report.exitCode;
}
