/**
 * Reading a recorded getStats() report (id → stats object, copied as JSON):
 * typed accessors that never throw on missing or odd fields, since a report
 * may come from another browser or an imported dump. Pure.
 */
import type { Json, PcStatsEvent, PlaygroundEvent } from '../../../../sandbox/log/events.ts';

export type Stat = { readonly [key: string]: Json };

export function statsOfType(report: PcStatsEvent['report'], type: string): Stat[] {
  const out: Stat[] = [];
  for (const value of Object.values(report)) {
    const stat = asStat(value);
    if (stat && stat['type'] === type) out.push(stat);
  }
  return out;
}

export function statById(report: PcStatsEvent['report'], id: Json | undefined): Stat | null {
  return typeof id === 'string' ? asStat(report[id]) : null;
}

export function num(stat: Stat | null | undefined, key: string): number | null {
  const value = stat?.[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

export function str(stat: Stat | null | undefined, key: string): string | null {
  const value = stat?.[key];
  return typeof value === 'string' ? value : null;
}

export function bool(stat: Stat | null | undefined, key: string): boolean | null {
  const value = stat?.[key];
  return typeof value === 'boolean' ? value : null;
}

/** Every stats event per connection, in log order. */
export function statsByPc(events: readonly PlaygroundEvent[]): Map<number, PcStatsEvent[]> {
  const out = new Map<number, PcStatsEvent[]>();
  for (const event of events) {
    if (event.type !== 'pc.stats') continue;
    const list = out.get(event.pc) ?? [];
    list.push(event);
    out.set(event.pc, list);
  }
  return out;
}

function asStat(value: Json | undefined): Stat | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : null;
}
