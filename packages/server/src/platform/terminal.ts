/** Output helpers for the command line: a progress bar and plain tables. */

interface Output {
  write(text: string): unknown;
  isTTY?: boolean;
}

/** Columns a character takes in a terminal: two for CJK and full-width forms, else one. */
function charWidth(code: number): number {
  return (code >= 0x1100 && code <= 0x115f) || (code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xff60) || (code >= 0xffe0 && code <= 0xffe6)
    ? 2
    : 1;
}
export const displayWidth = (text: string): number => [...text].reduce((n, ch) => n + charWidth(ch.codePointAt(0) ?? 0), 0);
const pad = (text: string, width: number): string => text + ' '.repeat(Math.max(0, width - displayWidth(text)));

/**
 * A progress bar on a terminal (redrawn in place); on a pipe or a file, one line when a phase
 * starts and one when it ends, so logs stay readable.
 */
export function createProgressBar(out: Output, width = 30) {
  let phase = '';
  let shown = -1;
  let drawn = false;
  return {
    update(label: string, done: number, total: number): void {
      const percent = total > 0 ? Math.floor((done / total) * 100) : 0;
      if (!out.isTTY) {
        if (label !== phase) out.write(`${label}: ${total} rows\n`);
        else if (done === total && shown !== 100) out.write(`${label}: done\n`);
        phase = label;
        shown = done === total ? 100 : percent;
        return;
      }
      if (label === phase && percent === shown) return;
      if (label !== phase && drawn) out.write('\n');
      phase = label;
      shown = percent;
      drawn = true;
      const filled = Math.round((percent / 100) * width);
      out.write(`\r${pad(label, 11)} [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${String(percent).padStart(3)}%  ${done}/${total} rows`);
    },
    finish(): void {
      if (out.isTTY && drawn) out.write('\n');
      drawn = false;
    },
  };
}

/** A table with a header line and a rule under it; cells padded to the widest (CJK counted double). */
export function formatTable(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : pad(c, widths[i] ?? 0))).join('  ').trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
