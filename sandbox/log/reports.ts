/**
 * What the learner's code reported with `playground.report(name, value)`
 * (`report` events), for checks that compare a learner's own result with
 * what the runtime recorded. Pure. Read loosely (type, name, value) so it
 * works on any log, including ones recorded before reports existed.
 */
import type { Json, PlaygroundEvent } from './events.ts';

export interface Report {
  name: string;
  value: Json;
  t: number;
  seq: number;
}

/** Every report in log order; with `prefix`, only those whose name starts with it. */
export function reports(events: readonly PlaygroundEvent[], prefix = ''): Report[] {
  const out: Report[] = [];
  for (const event of events as readonly unknown[]) {
    const e = event as { type?: unknown; name?: unknown; value?: unknown; t: number; seq: number };
    if (e.type !== 'report' || typeof e.name !== 'string' || !e.name.startsWith(prefix)) continue;
    out.push({ name: e.name, value: (e.value ?? null) as Json, t: e.t, seq: e.seq });
  }
  return out;
}

/** The last report of this exact name (a later report replaces an earlier one), or null. */
export function lastReport(events: readonly PlaygroundEvent[], name: string): Report | null {
  const all = reports(events).filter((r) => r.name === name);
  return all[all.length - 1] ?? null;
}

/** A report's value as an object, or null when it is not one. */
export function reportObject(report: Report | null | undefined): { [key: string]: Json } | null {
  const value = report?.value;
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : null;
}
