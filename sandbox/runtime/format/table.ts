/**
 * console.table drawn as a text table (box-drawing characters), with an
 * "(index)" column, one column per property seen (or the ones asked for) and
 * a "Values" column for rows that are not objects. Pure, unit-tested.
 */
import { inspect, type InspectOptions } from './inspect.ts';

const MAX_ROWS = 100;
const MAX_CELL = 40;

/** The table's text, or null when `data` is not something console.table draws (it is then logged as is). */
export function formatTable(data: unknown, columns?: readonly unknown[], options: InspectOptions = {}): string | null {
  if (typeof data !== 'object' || data === null) return null;
  const rows = rowsOf(data);
  const wanted = Array.isArray(columns) ? columns.map(String) : null;
  const keys: string[] = wanted ? [...wanted] : [];
  let hasValues = false;
  for (const [, row] of rows) {
    if (isRowObject(row)) {
      if (!wanted) for (const key of Object.keys(row)) if (!keys.includes(key)) keys.push(key);
    } else hasValues = true;
  }

  const cell = (value: unknown) => {
    const text = inspect(value, { ...options, depth: 0 }).replace(/\s*\n\s*/g, ' ');
    return text.length > MAX_CELL ? `${text.slice(0, MAX_CELL - 1)}…` : text;
  };
  const header = ['(index)', ...keys, ...(hasValues ? ['Values'] : [])];
  const body = rows.slice(0, MAX_ROWS).map(([index, row]) => {
    const line = [index];
    for (const key of keys) line.push(isRowObject(row) && Object.hasOwn(row, key) ? cell((row as Record<string, unknown>)[key]) : '');
    if (hasValues) line.push(isRowObject(row) ? '' : cell(row));
    return line;
  });

  const widths = header.map((h, i) => Math.max(h.length, ...body.map((line) => line[i]?.length ?? 0)));
  const rule = (left: string, middle: string, right: string) => left + widths.map((w) => '─'.repeat(w + 2)).join(middle) + right;
  const line = (cells: string[]) => `│${cells.map((c, i) => ` ${c.padEnd(widths[i] ?? 0)} `).join('│')}│`;
  const out = [rule('┌', '┬', '┐'), line(header), rule('├', '┼', '┤'), ...body.map(line), rule('└', '┴', '┘')];
  if (rows.length > MAX_ROWS) out.push(`... ${rows.length - MAX_ROWS} more rows`);
  return out.join('\n');
}

function rowsOf(data: object): [string, unknown][] {
  if (data instanceof Map) return [...data.entries()].map(([k, v], i) => [typeof k === 'string' ? k : String(i), v]);
  if (data instanceof Set) return [...data.values()].map((v, i) => [String(i), v]);
  return Object.keys(data).map((key) => [key, (data as Record<string, unknown>)[key]]);
}

function isRowObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}
