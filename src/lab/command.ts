// Placeholder: the lab command lands with issue 5.
import type { Io } from '../main.js';
import type { ParsedCommand } from '../options.js';

export async function runLabCommand(_parsed: Extract<ParsedCommand, { kind: 'lab' }>, io: Io): Promise<number> {
  io.stderr.write('codex-doctor: the lab is not available yet.\n');
  return 2;
}
