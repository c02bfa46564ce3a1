// Placeholder until the Ink TUI lands (issue 6): a terminal gets plain text.
import type { DoctorSession, Io } from '../../main.js';
import { textStyle } from '../../main.js';
import { createTextRenderer } from '../text.js';

export async function runTui(session: DoctorSession, io: Io): Promise<number> {
  const text = createTextRenderer(io.stdout, textStyle(io), { verbose: false, planned: session.planned });
  text.header();
  const report = await session.run((e) => text.onEvent(e), io.signal);
  text.footer(report);
  return report.exitCode;
}
