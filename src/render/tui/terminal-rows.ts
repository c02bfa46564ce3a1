// What Ink does not know about a terminal: a line longer than the terminal is soft-wrapped onto several rows.
// Ink erases its previous frame by counting '\n's, which would leave the extra rows of a soft-wrapped line
// on screen; this stream in front of the terminal counts rows instead, and rewrites Ink's erase to match.
// It also knows whether the last thing written ended its line, so the shell prompt never lands on it.
import { stripVTControlCharacters } from 'node:util';

/** Ink's erase of its previous frame (ansi-escapes eraseLines): per line erase + up, then erase + column 1. */
const ERASE = /^((?:\u001B\[\?2026h)?)((?:\u001B\[2K\u001B\[1A)*\u001B\[2K\u001B\[G)/;

export function eraseLines(count: number): string {
  return count <= 0 ? '' : `${'\u001B[2K\u001B[1A'.repeat(count - 1)}\u001B[2K\u001B[G`;
}

/** Rows the text takes from the start of a line: every line soft-wrapped at `columns`, the last one counted too. */
export function terminalRows(text: string, columns: number): number {
  return stripVTControlCharacters(text)
    .split('\n')
    .reduce((n, line) => n + Math.max(1, Math.ceil([...line].length / Math.max(1, columns))), 0);
}

export interface RowCountingStream {
  stream: NodeJS.WriteStream;
  /** Whether the last character written was a line end (or nothing was written). */
  endsLine(): boolean;
}

export function rowCounting(stream: NodeJS.WriteStream): RowCountingStream {
  // Everything written since Ink's last erase: the frame on screen.
  let frame = '';
  let written = false;
  const write = (chunk: unknown, ...rest: unknown[]): boolean => {
    let out = chunk;
    if (typeof chunk === 'string') {
      const erase = ERASE.exec(chunk);
      if (erase) {
        const rewritten = eraseLines(terminalRows(frame, stream.columns || 80));
        frame = chunk.slice(erase[0].length);
        out = erase[1] + rewritten + frame;
      } else frame += chunk;
      if (chunk !== '') written = true;
    }
    return (stream.write as (...args: unknown[]) => boolean)(out, ...rest);
  };
  const proxy = new Proxy(stream, {
    get(target, property) {
      if (property === 'write') return write;
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { stream: proxy, endsLine: () => !written || frame.endsWith('\n') };
}
