// The terminal width, followed across resizes (Ink relayouts on resize, but the narrow/wide choice is ours).
import { useStdout } from 'ink';
import { useEffect, useState } from 'react';

export function useColumns(fixed: number | undefined): number {
  const { stdout } = useStdout();
  const [columns, setColumns] = useState(() => fixed ?? (stdout.columns || 80));
  useEffect(() => {
    if (fixed !== undefined) return undefined;
    const onResize = (): void => setColumns(stdout.columns || 80);
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout, fixed]);
  return fixed ?? columns;
}

/** The terminal's height, followed across resizes; undefined when unknown (not a terminal). */
export function useRows(fixed: number | undefined): number | undefined {
  const { stdout } = useStdout();
  const [rows, setRows] = useState(() => fixed ?? stdout.rows);
  useEffect(() => {
    if (fixed !== undefined) return undefined;
    const onResize = (): void => setRows(stdout.rows);
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout, fixed]);
  return fixed ?? rows;
}
