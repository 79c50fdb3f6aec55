/**
 * `npm run bench`: runs every benchmark module in tests/bench/ (each exports
 * `bench(): Promise<BenchRow[]>`), one after another so they do not compete
 * for the CPU, and prints one table.
 *
 *   npm run bench            every module
 *   npm run bench -- sdp     only tests/bench/sdp.ts
 *
 * A module that throws is reported and makes the exit code 1; the others still run.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import type { BenchModule, BenchRow } from './types.ts';

const DIR = fileURLToPath(new URL('.', import.meta.url));
const NOT_BENCHMARKS = new Set(['index.ts', 'types.ts']);

function modules(only: readonly string[]): string[] {
  return readdirSync(DIR)
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts') && !NOT_BENCHMARKS.has(file))
    .filter((file) => only.length === 0 || only.includes(file.replace(/\.ts$/, '')))
    .sort();
}

function isBenchModule(value: unknown): value is BenchModule {
  return typeof value === 'object' && value !== null && typeof (value as { bench?: unknown }).bench === 'function';
}

/** Three significant digits is all a benchmark on a shared machine can claim. */
function number(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return '0';
  const abs = Math.abs(value);
  return abs >= 100 ? value.toFixed(0) : abs >= 1 ? value.toPrecision(3) : value.toPrecision(2);
}

export function formatTable(rows: readonly (BenchRow & { module: string })[]): string {
  const header = ['module', 'name', 'value', 'unit', 'baseline', 'ratio', 'target'];
  const lines = rows.map((row) => [
    row.module,
    row.name,
    number(row.value),
    row.unit,
    row.baseline ? `${number(row.baseline.value)} (${row.baseline.name})` : '',
    row.baseline && row.baseline.value !== 0 ? `${number(row.value / row.baseline.value)}×` : '',
    row.target ?? '',
  ]);
  const widths = header.map((title, i) => Math.max(title.length, ...lines.map((line) => (line[i] ?? '').length)));
  const format = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return [format(header), format(widths.map((w) => '-'.repeat(w))), ...lines.map(format)].join('\n');
}

async function main(): Promise<number> {
  const only = process.argv.slice(2);
  const files = modules(only);
  if (files.length === 0) {
    console.error(only.length ? `No benchmark named ${only.join(', ')} in tests/bench/.` : 'No benchmark modules in tests/bench/ yet.');
    return only.length ? 1 : 0;
  }
  const rows: (BenchRow & { module: string })[] = [];
  let failed = false;
  for (const file of files) {
    const name = file.replace(/\.ts$/, '');
    const started = performance.now();
    try {
      const mod: unknown = await import(pathToFileURL(join(DIR, file)).href);
      if (!isBenchModule(mod)) {
        console.error(`${file}: exports no bench() function; skipped.`);
        continue;
      }
      const result = await mod.bench();
      rows.push(...result.map((row) => ({ ...row, module: name })));
      console.error(`${name}: ${result.length} result(s) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    } catch (error) {
      failed = true;
      console.error(`${file} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }
  console.log(`\n${formatTable(rows)}`);
  return failed ? 1 : 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exitCode = await main();
