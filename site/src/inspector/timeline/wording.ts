/**
 * How the timeline words things: short, plain, and the same everywhere
 * (durations, candidates, ids, states). Pure.
 */
import type { Json } from '../../../../sandbox/log/events.ts';
import type { StepTone } from './model.ts';

export const ERROR_KIND = { uncaught: 'Uncaught', unhandledrejection: 'Unhandled rejection', 'loop-guard': 'Loop stopped', runtime: 'Runtime error' };

/** "host udp 192.168.1.2:5000" from a candidate line. */
export function candidateSummary(line: string): string {
  const words = line.replace(/^(a=)?candidate:/, '').split(/\s+/);
  const typ = words.indexOf('typ');
  const type = typ >= 0 ? (words[typ + 1] ?? '?') : '?';
  return `${type} ${words[2]?.toLowerCase() ?? '?'} ${words[4] ?? '?'}:${words[5] ?? '?'}`;
}

export function servers(configuration: Json): string {
  const list = configuration !== null && typeof configuration === 'object' && !Array.isArray(configuration) ? configuration['iceServers'] : undefined;
  if (!Array.isArray(list)) return '';
  return list.length === 0 ? ' (no ICE servers)' : ` (${list.length} ICE server${list.length === 1 ? '' : 's'})`;
}

export function stateTone(value: string): StepTone {
  if (value === 'failed') return 'error';
  if (value === 'disconnected') return 'warn';
  if (value === 'connected' || value === 'completed') return 'ok';
  return 'info';
}

/** "12 ms", "1.2 s". */
export function ms(value: number): string {
  return Math.abs(value) >= 1000 ? `${(value / 1000).toFixed(1)} s` : `${Math.round(value)} ms`;
}

export function span(from: number, to: number): string {
  return from === to ? `at ${ms(from)}` : `${ms(from)} – ${ms(to)}`;
}

export function shortId(id: string): string {
  return id.length > 12 ? `${id.slice(0, 8)}…` : id;
}

export function firstLine(text: string): string {
  const line = text.split('\n', 1)[0] ?? '';
  return line.length > 160 ? `${line.slice(0, 160)}…` : line;
}
