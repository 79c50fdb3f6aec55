/**
 * The munged calls of a log: for each pc.munge, what was shown, what was
 * applied, and what the browser said (from the pc.result of the same call).
 * Works on a live log and on an imported one alike. Pure.
 */
import type { ErrorInfo, PcMungeEvent, PlaygroundEvent } from '../../../../sandbox/log/events.ts';

export interface MungedCall {
  seq: number;
  pc: number;
  /** "pc 1", or the label the log gave the connection. */
  label: string;
  call: number;
  method: PcMungeEvent['method'];
  sdpType: PcMungeEvent['sdpType'];
  original: string;
  edited: string;
  created: boolean;
  /** Undefined while the browser has not answered yet. */
  outcome?: { ok: true } | { ok: false; error: ErrorInfo };
}

export function mungedCalls(events: readonly PlaygroundEvent[]): MungedCall[] {
  const labels = new Map<number, string>();
  const byCall = new Map<string, MungedCall>();
  const out: MungedCall[] = [];
  for (const event of events) {
    const label = labelOf(event);
    if (label) labels.set(label.pc, label.text);
    if (event.type === 'pc.munge') {
      const munged: MungedCall = {
        seq: event.seq,
        pc: event.pc,
        label: labels.get(event.pc) ?? `pc ${event.pc}`,
        call: event.call,
        method: event.method,
        sdpType: event.sdpType,
        original: event.original,
        edited: event.edited,
        created: event.created,
      };
      out.push(munged);
      byCall.set(`${event.pc}:${event.call}`, munged);
    } else if (event.type === 'pc.result') {
      const munged = byCall.get(`${event.pc}:${event.call}`);
      if (munged && !munged.outcome) munged.outcome = event.ok ? { ok: true } : { ok: false, error: event.error };
    }
  }
  return out;
}

/** How the log names connection `pc` (the last name it gave, e.g. the PeerJS peer it talks to). */
export function connectionLabel(events: readonly PlaygroundEvent[], pc: number): string {
  let text = `pc ${pc}`;
  for (const event of events) {
    const label = labelOf(event);
    if (label?.pc === pc) text = label.text;
  }
  return text;
}

function labelOf(event: PlaygroundEvent): { pc: number; text: string } | null {
  if (event.type === 'pc.created') return { pc: event.pc, text: event.label };
  if (event.type === 'peerjs.connection' && event.pc !== undefined) return { pc: event.pc, text: `pc ${event.pc} (to ${event.remoteId})` };
  return null;
}
