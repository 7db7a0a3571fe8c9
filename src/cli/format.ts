/** Output for people (aligned tables) and for programs (JSON, CSV). */

export type Cell = string | number | boolean | undefined | null;

export interface Column<T> {
  readonly header: string;
  readonly value: (row: T) => Cell;
  readonly align?: 'left' | 'right';
}

const text = (cell: Cell): string => (cell === undefined || cell === null ? '' : String(cell));

/** Width in terminal columns, counting combining marks as zero. */
const width = (s: string): number => [...s.normalize('NFC')].length;

export function table<T>(rows: readonly T[], columns: readonly Column<T>[]): string {
  const cells = rows.map((row) => columns.map((c) => text(c.value(row))));
  const widths = columns.map((c, i) => Math.max(width(c.header), ...cells.map((r) => width(r[i]!))));
  const line = (values: readonly string[]) =>
    values.map((v, i) => {
      const pad = ' '.repeat(widths[i]! - width(v));
      return columns[i]!.align === 'right' ? pad + v : v + pad;
    }).join('  ').trimEnd();
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  return [line(columns.map((c) => c.header)), rule, ...cells.map(line)].join('\n') + '\n';
}

/** RFC 4180 CSV with a header row. */
export function csv<T>(rows: readonly T[], columns: readonly Column<T>[]): string {
  const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [columns.map((c) => quote(c.header)), ...rows.map((r) => columns.map((c) => quote(text(c.value(r)))))]
    .map((r) => r.join(','))
    .join('\r\n') + '\r\n';
}

export const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
