// The TUI's text as lines it lays out itself, so that nothing a user may copy is ever broken: prose wraps
// between words only (a word longer than the line, a path, goes whole on its own line), and a command or
// snippet line is never wrapped by the app. A line longer than the terminal is written whole and the terminal
// soft-wraps it, which is what a terminal's copy and `tmux capture-pane -J` join back into one line. The
// rows each line takes on screen are counted here, so the app can keep to the terminal's height.
import type { CheckRecord, Finding, Hint } from '../../core/types.js';
import { LEVEL_LABELS, causeText, stageLabel, visibleFindings } from '../view-model.js';
import { STATUS_TONES, type Tone } from './theme.js';

export interface Part {
  text: string;
  tone?: Tone | undefined;
  bold?: boolean;
  dim?: boolean;
  underline?: boolean;
}

export interface Line {
  /** Columns of blank space before the text. */
  indent: number;
  parts: Part[];
  /** A command, snippet or evidence line: never wrapped. */
  verbatim?: boolean;
}

/** Characters a line takes (the TUI's glyphs are all one column wide). */
export function lineWidth(line: Line): number {
  return line.indent + line.parts.reduce((n, p) => n + [...p.text].length, 0);
}

/** Terminal rows a line takes at this width, soft-wrapped. */
export function rowsOf(line: Line, columns: number): number {
  return Math.max(1, Math.ceil(lineWidth(line) / Math.max(1, columns)));
}

/**
 * Words into lines of at most `width` characters; a word that is longer stays whole on a line of its own.
 * Existing line breaks are kept.
 */
export function wrapWords(text: string, width: number): string[] {
  return wrapParts([{ text }], width).map((parts) => parts.map((p) => p.text).join(''));
}

/** Styled parts into lines, broken between words only, each word keeping its part's style. */
export function wrapParts(parts: readonly Part[], width: number): Part[][] {
  const lines: Part[][] = [[]];
  let used = 0;
  const append = (part: Part): void => {
    const line = lines[lines.length - 1]!;
    const last = line[line.length - 1];
    // Neighbouring words of one part stay one part.
    if (last && sameStyle(last, part)) line[line.length - 1] = { ...last, text: last.text + part.text };
    else line.push(part);
    used += [...part.text].length;
  };
  for (const part of parts) {
    const paragraphs = part.text.split('\n');
    paragraphs.forEach((paragraph, p) => {
      if (p > 0) {
        lines.push([]);
        used = 0;
      }
      paragraph.split(/(?<= )/).forEach((word) => {
        const length = [...word.trimEnd()].length;
        if (used > 0 && used + length > width) {
          // The line ends before this word; the blank that ended the line before it goes.
          const line = lines[lines.length - 1]!;
          const last = line[line.length - 1];
          if (last) line[line.length - 1] = { ...last, text: last.text.trimEnd() };
          lines.push([]);
          used = 0;
        }
        if (word !== '') append({ ...part, text: word });
      });
    });
  }
  return lines;
}

function sameStyle(a: Part, b: Part): boolean {
  return a.tone === b.tone && a.bold === b.bold && a.dim === b.dim && a.underline === b.underline;
}

/** Prose: wrapped between words to the width left after the indent. */
export function prose(text: string, indent: number, columns: number, style: Omit<Part, 'text'> = {}): Line[] {
  return styledProse([{ ...style, text }], indent, columns);
}

/** Styled prose (a label and its sentence), wrapped between words to the width left after the indent. */
export function styledProse(parts: readonly Part[], indent: number, columns: number): Line[] {
  return wrapParts(parts, Math.max(10, columns - indent)).map((line) => ({ indent, parts: line.length > 0 ? line : [{ text: ' ' }] }));
}

/** A fix: its text (unless `showText` is false), then each command line and snippet line, whole. */
export function hintLines(hint: Hint, indent: number, columns: number, showText = true): Line[] {
  const lines: Line[] = [];
  if (showText) {
    const [first = '', ...rest] = wrapWords(hint.text, Math.max(10, columns - indent - 5));
    lines.push({ indent, parts: [{ text: 'fix: ', tone: 'cyan' }, { text: first }] }, ...rest.map((t) => ({ indent: indent + 5, parts: [{ text: t }] })));
  }
  for (const command of hint.command?.split('\n') ?? []) lines.push({ indent: indent + 2, parts: [{ text: '$ ', tone: 'cyan' }, { text: command }], verbatim: true });
  // A blank line in a TOML snippet stays a blank line.
  for (const snippet of hint.snippet?.split('\n') ?? []) lines.push({ indent: indent + 4, parts: [{ text: snippet || ' ' }], verbatim: true });
  if (hint.docs) lines.push({ indent: indent + 2, parts: [{ text: `see ${hint.docs}`, dim: true }], verbatim: true });
  return lines;
}

const LEVEL_TONES: Record<Finding['level'], Tone | undefined> = { fail: 'red', warn: 'yellow', info: undefined };

/** The expanded row: the staged error, every finding with its hints, and the evidence sections. */
export function detailLines(record: CheckRecord, indent: number, columns: number): Line[] {
  // Expanding is asking for everything, so info findings show too (as with --verbose).
  const findings = visibleFindings(record, true);
  const { error } = record;
  const lines: Line[] = [];
  // A failed check's error is its first failing finding; show it once, as that finding.
  if (error && !findings.some((f) => f.code === error.code && f.stage === error.stage)) {
    lines.push({ indent, parts: [{ text: stageLabel(record) ?? `at ${error.stage}`, bold: true, tone: STATUS_TONES[record.status] }, { text: ' ' }, { text: error.code, bold: true }] });
    lines.push(...prose(error.detail, indent + 2, columns));
    if (error.cause) lines.push(...prose(`cause: ${causeText(error.cause)}`, indent + 2, columns, { dim: true }));
  }
  for (const finding of findings) {
    lines.push({
      indent,
      parts: [
        { text: LEVEL_LABELS[finding.level], bold: finding.level !== 'info', tone: LEVEL_TONES[finding.level] },
        { text: ' ' },
        { text: finding.code, bold: true },
        { text: ` [${finding.stage}]` },
      ],
    });
    lines.push(...prose(finding.detail, indent + 2, columns));
    if (finding.cause) lines.push(...prose(`cause: ${causeText(finding.cause)}`, indent + 2, columns, { dim: true }));
    for (const hint of finding.hints ?? []) lines.push(...hintLines(hint, indent + 2, columns));
  }
  const blockedBy = record.blockedBy ?? [];
  if (blockedBy.length > 0) lines.push(...prose(`Fix ${blockedBy.join(', ')} first: this check needs it.`, indent, columns));
  for (const section of record.evidence) {
    lines.push({ indent, parts: [{ text: section.title, bold: true, underline: true }] });
    for (const line of section.lines) lines.push({ indent: indent + 2, parts: [{ text: line || ' ' }], verbatim: true });
  }
  if (lines.length === 0) lines.push({ indent, parts: [{ text: 'Nothing more to show.', dim: true }] });
  return lines;
}

/** The command the `c` key copies for a row: the first fix of its first failure or warning that has one. */
export function copyableCommand(record: CheckRecord): string | undefined {
  for (const finding of visibleFindings(record, false)) {
    for (const hint of finding.hints ?? []) if (hint.command) return hint.command;
  }
  return undefined;
}

/** OSC 52: asks the terminal to put `text` on the system clipboard (tmux passes it on with set-clipboard on). */
export function osc52(text: string): string {
  return `\u001B]52;c;${Buffer.from(text, 'utf8').toString('base64')}\u0007`;
}
