/**
 * Builds event logs for tests in the exact shape the runtime records, with
 * `seq` and `t` stamped in order. The helpers mirror what one line of learner
 * code makes the runtime record (a call is a pc.call plus its pc.result).
 */
import type { CandidateJson, Json, PcMethod, PcStateName, PlaygroundEvent } from '../../../sandbox/log/events.ts';

/** An event without the stamps the log adds. */
export type Draft = PlaygroundEvent extends infer E ? (E extends PlaygroundEvent ? Omit<E, 'seq' | 't'> : never) : never;

export const OFFER_SDP = [
  'v=0',
  'o=- 4611731400430051336 2 IN IP4 127.0.0.1',
  's=-',
  't=0 0',
  'a=group:BUNDLE 0',
  'a=extmap-allow-mixed',
  'a=msid-semantic: WMS',
  'm=application 9 UDP/DTLS/SCTP webrtc-datachannel',
  'c=IN IP4 0.0.0.0',
  'a=ice-ufrag:abcd',
  'a=ice-pwd:aaaaaaaaaaaaaaaaaaaaaaaa',
  'a=ice-options:trickle',
  'a=fingerprint:sha-256 12:34:56:78:9A:BC:DE:F0:12:34:56:78:9A:BC:DE:F0:12:34:56:78:9A:BC:DE:F0:12:34:56:78:9A:BC:DE:F0',
  'a=setup:actpass',
  'a=mid:0',
  'a=sctp-port:5000',
  'a=max-message-size:262144',
  '',
].join('\r\n');

export const ANSWER_SDP = OFFER_SDP.replace('a=setup:actpass', 'a=setup:active').replace('ice-ufrag:abcd', 'ice-ufrag:wxyz');

/** CandidateJson is an interface (no index signature), so it needs a nudge to count as Json. */
export function json(value: CandidateJson): Json {
  return value as unknown as Json;
}

export function hostCandidate(port: number, ufrag = 'abcd'): CandidateJson {
  return {
    candidate: `candidate:1 1 udp 2122260223 1a2b3c4d-0000-4000-8000-000000000001.local ${port} typ host generation 0 ufrag ${ufrag} network-id 1`,
    sdpMid: '0',
    sdpMLineIndex: 0,
    usernameFragment: ufrag,
    type: 'host',
    protocol: 'udp',
    address: '1a2b3c4d-0000-4000-8000-000000000001.local',
    port,
    priority: 2122260223,
  };
}

export class LogBuilder {
  readonly events: PlaygroundEvent[] = [];
  private clock = 0;
  private nextCall = 1;

  /** Appends one event, `dt` milliseconds after the previous one. */
  push(draft: Draft, dt = 1): this {
    this.clock += dt;
    this.events.push({ ...draft, seq: this.events.length, t: this.clock } as PlaygroundEvent);
    return this;
  }

  started(): this {
    return this.push({ type: 'run', status: 'started' }, 0);
  }

  log(text: string, level: 'log' | 'info' | 'warn' | 'error' | 'debug' = 'log'): this {
    return this.push({ type: 'console', level, text, location: { file: 'main.js', line: 1 } });
  }

  pc(pc: number, configuration: Json = {}): this {
    return this.push({ type: 'pc.created', pc, label: `pc ${pc}`, configuration });
  }

  /** A method call and its outcome: `value` on success, or `{ error }` for a rejection. */
  call(pc: number, method: PcMethod, args: Json[], outcome: { value?: Json } | { error: { name: string; message: string } } = {}): this {
    const call = this.nextCall++;
    this.push({ type: 'pc.call', pc, call, method, args });
    if ('error' in outcome) return this.push({ type: 'pc.result', pc, call, method, ok: false, error: outcome.error });
    return this.push(
      outcome.value === undefined
        ? { type: 'pc.result', pc, call, method, ok: true }
        : { type: 'pc.result', pc, call, method, ok: true, value: outcome.value },
    );
  }

  /** A call whose promise never settled (no pc.result). */
  pendingCall(pc: number, method: PcMethod, args: Json[]): this {
    return this.push({ type: 'pc.call', pc, call: this.nextCall++, method, args });
  }

  state(pc: number, which: PcStateName, value: string): this {
    return this.push({ type: 'pc.state', pc, which, value });
  }

  /** An icecandidate event; null is the end of gathering. */
  gathered(pc: number, candidate: CandidateJson | null): this {
    return this.push({ type: 'pc.event', pc, name: 'icecandidate', detail: { candidate: candidate && json(candidate), sinceLocalDescription: candidate ? 3 : null } });
  }

  channel(pc: number, dc: number, origin: 'local' | 'remote', label = 'chat'): this {
    if (origin === 'remote') this.push({ type: 'pc.event', pc, name: 'datachannel', detail: { dc } });
    return this.push({
      type: 'dc.created',
      pc,
      dc,
      origin,
      label,
      ordered: true,
      maxRetransmits: null,
      maxPacketLifeTime: null,
      protocol: '',
      negotiated: false,
      id: origin === 'local' ? null : 1,
    });
  }

  dcState(pc: number, dc: number, value: 'connecting' | 'open' | 'closing' | 'closed'): this {
    return this.push({ type: 'dc.state', pc, dc, value });
  }

  /** A text message (with preview) or, when `text` is null, a binary one of `bytes`. */
  message(pc: number, dc: number, direction: 'sent' | 'received', text: string | null, bytes?: number): this {
    if (text === null) return this.push({ type: 'dc.message', pc, dc, direction, binary: true, bytes: bytes ?? 16 });
    return this.push({ type: 'dc.message', pc, dc, direction, binary: false, bytes: bytes ?? new TextEncoder().encode(text).length, preview: text.slice(0, 200) });
  }
}
