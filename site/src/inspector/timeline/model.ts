/**
 * The timeline as data: lanes (one per peer connection, one per PeerJS Peer
 * that has no connection yet, one for the signaller) and steps in log order,
 * each with the sentence a screen reader reads for it. Pure; the view only
 * lays these out. Calls are paired with their outcomes; runs of getStats
 * snapshots and data-channel messages are folded into one step each, so a
 * long run stays readable.
 */
import type { Json, PcCallEvent, PcResultEvent, PlaygroundEvent } from '../../../../sandbox/log/events.ts';
import { peers, peerName, type PeerSummary } from '../../../../sandbox/log/peerjs.ts';
import { signalKind } from '../../../../sandbox/log/websockets.ts';
import { ERROR_KIND, candidateSummary, firstLine, ms, servers, shortId, span, stateTone } from './wording.ts';

export { candidateSummary, ms } from './wording.ts';

export const SIGNALLER = 'signaller';

export interface Lane {
  /** "pc:1", "peer:2" or "signaller". */
  id: string;
  /** What the header shows: the PeerJS id when a Peer owns it, else "pc 1". */
  label: string;
  /** The short name steps use ("pc 1", "peer 2", "signaller"). */
  name: string;
}

export type StepTone = 'ok' | 'error' | 'warn' | 'pending' | 'info';
/** Steps the learner can hide; 'core' always shows. */
export type StepCategory = 'core' | 'candidates' | 'stats' | 'messages' | 'console';

export interface Step {
  /** Stable across re-renders of a growing log. */
  key: string;
  seq: number;
  t: number;
  /** For a folded run, the time of its last event. */
  tEnd?: number;
  count?: number;
  /** The lane it sits on, or null for a step about the whole run (errors, console, run start). */
  lane: string | null;
  /** An arrow from `lane` to this lane (signalling messages). */
  to?: string;
  text: string;
  tone: StepTone;
  /** A state change, drawn as a badge. */
  badge: boolean;
  category: StepCategory;
  /** The seq of the event that holds a description (type + SDP) this step is about. */
  description?: number;
  /** The seq of the event that holds the candidate this step is about. */
  candidate?: number;
}

export type TimelineFilter = Record<Exclude<StepCategory, 'core'>, boolean>;

export const DEFAULT_FILTER: Readonly<TimelineFilter> = { candidates: true, stats: true, messages: true, console: false };

export interface Timeline {
  lanes: Lane[];
  steps: Step[];
  /** How many steps the filter hid. */
  hidden: number;
}

export function buildTimeline(events: readonly PlaygroundEvent[], filter: Readonly<TimelineFilter> = DEFAULT_FILTER): Timeline {
  const peerSummaries = peers(events);
  const lanes = buildLanes(events, peerSummaries);
  const byId = new Map(lanes.map((lane) => [lane.id, lane]));
  const name = (lane: string | null) => (lane === null ? '' : (byId.get(lane)?.name ?? lane));
  const laneOfPeer = peerLanes(peerSummaries);
  const results = new Map<string, PcResultEvent>();
  const calls = new Set<string>();
  // Where each SDP text appears in a connection's own calls, so a PeerJS OFFER/ANSWER
  // opens the description as that connection made or applied it (the SDP view lists those).
  const sdpSeqs = new Map<string, Array<{ seq: number; lane: string }>>();
  for (const event of events) {
    if (event.type === 'pc.result') results.set(`${event.pc}:${event.call}`, event);
    if (event.type === 'pc.call') calls.add(`${event.pc}:${event.call}`);
    if (event.type === 'pc.call' || event.type === 'pc.result') {
      const sdp = descriptionIn(event)?.sdp;
      if (sdp !== undefined) sdpSeqs.set(sdp, [...(sdpSeqs.get(sdp) ?? []), { seq: event.seq, lane: `pc:${event.pc}` }]);
    }
  }
  const sdpFor = (seq: number, sdp: string | undefined, lane: string): number | undefined => {
    if (sdp === undefined) return undefined;
    const places = sdpSeqs.get(sdp) ?? [];
    return (places.find((p) => p.lane === lane) ?? places[0])?.seq ?? seq;
  };

  const steps: Step[] = [];
  let hidden = 0;
  // Open folds (stats per connection, messages per channel and direction), closed by any other shown step.
  let folds = new Map<string, Step>();
  const add = (step: Omit<Step, 'key' | 'badge'> & { badge?: boolean }, fold?: string) => {
    if (step.category !== 'core' && !filter[step.category]) {
      hidden += 1;
      return;
    }
    if (fold) {
      const open = folds.get(fold);
      if (open) {
        open.count = (open.count ?? 1) + 1;
        open.tEnd = step.t;
        open.text = step.text.replace('{count}', String(open.count)).replace('{span}', span(open.t, step.t));
        return;
      }
    } else folds = new Map();
    const full: Step = { ...step, key: `${step.seq}`, badge: step.badge ?? false };
    if (fold) {
      full.count = 1;
      full.text = step.text.replace('{count}', '1').replace('{span}', span(step.t, step.t));
      folds.set(fold, full);
    }
    steps.push(full);
  };

  for (const event of events) {
    const base = { seq: event.seq, t: event.t };
    switch (event.type) {
      case 'run':
        add({ ...base, lane: null, text: event.status === 'started' ? 'Run started' : 'Run stopped', tone: 'info', category: 'core' });
        break;
      case 'console':
        add({
          ...base,
          lane: null,
          text: `console.${event.level}: ${firstLine(event.text)}`,
          tone: event.level === 'error' ? 'error' : event.level === 'warn' ? 'warn' : 'info',
          category: 'console',
        });
        break;
      case 'error':
        add({ ...base, lane: null, text: `${ERROR_KIND[event.kind]}: ${event.name}: ${firstLine(event.message)}`, tone: 'error', category: 'core' });
        break;
      case 'pc.created':
        add({ ...base, lane: `pc:${event.pc}`, text: `${name(`pc:${event.pc}`)} created${servers(event.configuration)}`, tone: 'info', category: 'core' });
        break;
      case 'pc.call':
        add(callStep(event, results.get(`${event.pc}:${event.call}`), name(`pc:${event.pc}`)));
        break;
      case 'pc.result':
        // Shown with its call; an outcome whose call was not recorded still shows.
        if (!calls.has(`${event.pc}:${event.call}`)) {
          add({ ...base, lane: `pc:${event.pc}`, text: `${name(`pc:${event.pc}`)} ${event.method} ${outcome(event)}`, tone: event.ok ? 'ok' : 'error', category: 'core' });
        }
        break;
      case 'pc.state':
        add({ ...base, lane: `pc:${event.pc}`, text: `${name(`pc:${event.pc}`)} ${event.which}: ${event.value}`, tone: stateTone(event.value), badge: true, category: 'core' });
        break;
      case 'pc.event': {
        const lane = `pc:${event.pc}`;
        const detail = asObject(event.detail);
        if (event.name === 'icecandidate') {
          const candidate = asObject(detail?.['candidate']);
          const text = typeof candidate?.['candidate'] === 'string' ? candidate['candidate'] : '';
          if (text === '') {
            add({ ...base, lane, text: `${name(lane)} icecandidate: none left, gathering done`, tone: 'info', category: 'core' });
          } else {
            const since = detail?.['sinceLocalDescription'];
            const after = typeof since === 'number' ? ` (${ms(since)} after setLocalDescription)` : '';
            add({ ...base, lane, text: `${name(lane)} icecandidate ${candidateSummary(text)}${after}`, tone: 'info', category: 'candidates', candidate: event.seq });
          }
        } else if (event.name === 'icecandidateerror') {
          const parts = [detail?.['errorCode'], detail?.['errorText'], detail?.['url']].filter((p) => p !== undefined && p !== null && p !== '');
          add({ ...base, lane, text: `${name(lane)} icecandidateerror ${parts.map(String).join(' ')}`.trim(), tone: 'error', category: 'core' });
        } else if (event.name === 'track') {
          add({ ...base, lane, text: `${name(lane)} track ${String(detail?.['kind'] ?? '')}`.trim(), tone: 'ok', category: 'core' });
        } else if (event.name === 'datachannel') {
          add({ ...base, lane, text: `${name(lane)} datachannel dc ${String(detail?.['dc'] ?? '?')}`, tone: 'ok', category: 'core' });
        } else {
          add({ ...base, lane, text: `${name(lane)} ${event.name}`, tone: 'info', category: 'core' });
        }
        break;
      }
      case 'pc.stats':
        add(
          { ...base, lane: `pc:${event.pc}`, text: `${name(`pc:${event.pc}`)} getStats snapshot ×{count} ({span})`, tone: 'info', category: 'stats' },
          `stats:${event.pc}`,
        );
        break;
      case 'dc.created':
        add({
          ...base,
          lane: `pc:${event.pc}`,
          text: `${name(`pc:${event.pc}`)} data channel dc ${event.dc} "${event.label}" ${event.origin === 'local' ? 'created' : 'arrived'}`,
          tone: 'info',
          category: 'core',
        });
        break;
      case 'dc.state':
        add({
          ...base,
          lane: `pc:${event.pc}`,
          text: `${name(`pc:${event.pc}`)} dc ${event.dc}: ${event.value}`,
          tone: event.value === 'open' ? 'ok' : 'info',
          badge: true,
          category: 'core',
        });
        break;
      case 'dc.message':
        add(
          {
            ...base,
            lane: `pc:${event.pc}`,
            text: `${name(`pc:${event.pc}`)} dc ${event.dc} ${event.direction} {count} message(s) ({span})`,
            tone: 'info',
            category: 'messages',
          },
          `dc:${event.dc}:${event.direction}`,
        );
        break;
      case 'peerjs.peer': {
        const lane = laneOfPeer(event.peer);
        const what =
          event.event === 'open' ? `open as ${event.id ?? '?'}`
          : event.event === 'error' ? `error ${event.error?.type ?? ''}: ${event.error?.message ?? ''}`
          : event.event;
        add({
          ...base,
          lane,
          text: `${name(lane)} Peer ${what}`,
          tone: event.event === 'error' ? 'error' : event.event === 'open' ? 'ok' : event.event === 'disconnected' ? 'warn' : 'info',
          category: 'core',
        });
        break;
      }
      case 'peerjs.signal': {
        const lane = laneOfPeer(event.peer, event.connectionId);
        const carried = event.messageType === 'OFFER' || event.messageType === 'ANSWER' ? descriptionIn(event)?.sdp : undefined;
        const sdp = sdpFor(event.seq, carried, lane);
        const tone: StepTone = ['ERROR', 'ID-TAKEN', 'EXPIRE', 'INVALID-KEY'].includes(event.messageType) ? 'error' : 'info';
        const category: StepCategory = event.messageType === 'CANDIDATE' ? 'candidates' : 'core';
        const step =
          event.direction === 'out'
            ? { lane, to: SIGNALLER, text: `${name(lane)} → signaller: ${event.messageType}${event.dst ? ` to ${shortId(event.dst)}` : ''}` }
            : { lane: SIGNALLER, to: lane, text: `signaller → ${name(lane)}: ${event.messageType}${event.src ? ` from ${shortId(event.src)}` : ''}` };
        add({ ...base, ...step, tone, category, ...(sdp !== undefined ? { description: sdp } : {}) });
        break;
      }
      case 'peerjs.connection': {
        const lane = laneOfPeer(event.peer, event.connectionId);
        const error = event.error ? `: ${event.error.type}: ${event.error.message}` : '';
        add({
          ...base,
          lane,
          text: `${name(lane)} ${event.kind} connection with ${shortId(event.remoteId)} ${event.event}${error}`,
          tone: event.event === 'error' ? 'error' : event.event === 'open' ? 'ok' : 'info',
          category: 'core',
        });
        break;
      }
      case 'pc.munge': {
        const lane = `pc:${event.pc}`;
        const changed = event.edited === event.original ? 'applied unchanged' : 'edited';
        add({ ...base, lane, text: `${name(lane)} ${event.method}(${event.sdpType}): ${changed} in the Munging tab`, tone: 'warn', category: 'core', description: event.seq });
        break;
      }
      case 'deprecated': {
        const lane = event.pc !== undefined ? `pc:${event.pc}` : null;
        add({ ...base, lane, text: `Deprecated API used: ${event.api}`, tone: 'warn', category: 'core' });
        break;
      }
      case 'ws': {
        // The learner's own signalling sockets (lesson 4): what each message carried, as far as its preview tells.
        const kind = event.preview === undefined ? 'binary' : signalKind(event.preview);
        const what = event.event === 'message' ? `${event.direction} ${kind === 'other' ? 'a message' : kind} (${event.bytes ?? 0} bytes)` : event.event;
        const close = event.event === 'close' ? ` ${event.code ?? ''} ${event.reason ?? ''}`.trimEnd() : '';
        const category = event.event !== 'message' || kind === 'offer' || kind === 'answer' ? 'core' : kind === 'candidate' ? 'candidates' : 'messages';
        add({ ...base, lane: null, text: `WebSocket ${event.socket} ${what}${close}`, tone: event.event === 'error' ? 'error' : 'info', category });
        break;
      }
      case 'report':
        add({ ...base, lane: null, text: `playground.report ${event.name}: ${JSON.stringify(event.value)}`, tone: 'info', category: 'core' });
        break;
      case 'media':
        add({
          ...base,
          lane: null,
          text: event.event === 'play-blocked' ? `${event.element}: play() was blocked (autoplay policy)` : `${event.element} is playing`,
          tone: event.event === 'play-blocked' ? 'error' : 'ok',
          category: 'core',
        });
        break;
    }
  }
  return { lanes, steps, hidden };
}

/** The description (type + SDP) an event carries: a setDescription argument, a create or set outcome, an OFFER/ANSWER payload. */
export function descriptionIn(event: PlaygroundEvent | undefined): { type: string; sdp: string } | null {
  if (!event) return null;
  if (event.type === 'pc.call') return asDescription(event.args[0]);
  if (event.type === 'pc.result') return event.ok ? asDescription(event.value) : null;
  if (event.type === 'peerjs.signal') {
    const sdp = asObject(event.payload)?.['sdp'];
    const description = asDescription(sdp);
    return description ? { ...description, type: description.type || event.messageType.toLowerCase() } : null;
  }
  return null;
}

// ---- lanes -------------------------------------------------------------------

function buildLanes(events: readonly PlaygroundEvent[], peerSummaries: readonly PeerSummary[]): Lane[] {
  const pcLabels = new Map<number, string>();
  for (const event of events) {
    if (event.type === 'pc.created' && !pcLabels.has(event.pc)) pcLabels.set(event.pc, event.label);
    else if ('pc' in event && typeof event.pc === 'number' && event.type.startsWith('pc.') && !pcLabels.has(event.pc)) {
      pcLabels.set(event.pc, `pc ${event.pc}`);
    }
  }
  const owner = new Map<number, PeerSummary>();
  for (const peer of peerSummaries) for (const c of peer.connections) if (c.pc !== null && !owner.has(c.pc)) owner.set(c.pc, peer);

  const lanes: Lane[] = [...pcLabels.entries()]
    .sort(([a], [b]) => a - b)
    .map(([pc, label]) => {
      const peer = owner.get(pc);
      return { id: `pc:${pc}`, label: peer ? peerName(peer) : label, name: `pc ${pc}` };
    });
  for (const peer of peerSummaries) {
    if (!peer.connections.some((c) => c.pc !== null)) lanes.push({ id: `peer:${peer.peer}`, label: peerName(peer), name: `peer ${peer.peer}` });
  }
  if (peerSummaries.length > 0) {
    // Between the two sides of a conversation, where a sequence diagram puts the server.
    lanes.splice(Math.ceil(lanes.length / 2), 0, { id: SIGNALLER, label: 'signaller', name: 'signaller' });
  }
  return lanes;
}

/** A Peer's messages go to the lane of the connection they concern, else the Peer's first connection, else its own lane. */
function peerLanes(peerSummaries: readonly PeerSummary[]): (peer: number, connectionId?: string) => string {
  const byPeer = new Map(peerSummaries.map((p) => [p.peer, p]));
  return (peer, connectionId) => {
    const summary = byPeer.get(peer);
    const linked = summary?.connections.filter((c) => c.pc !== null) ?? [];
    const connection = linked.find((c) => c.connectionId === connectionId) ?? linked[0];
    return connection?.pc != null ? `pc:${connection.pc}` : `peer:${peer}`;
  };
}

// ---- calls -------------------------------------------------------------------

function callStep(call: PcCallEvent, result: PcResultEvent | undefined, pcName: string): Omit<Step, 'key' | 'badge'> {
  const method = call.method;
  const describes = method === 'createOffer' || method === 'createAnswer' || method === 'setLocalDescription' || method === 'setRemoteDescription';
  let description: number | undefined;
  if (describes) {
    if (method.startsWith('set') && descriptionIn(call)) description = call.seq;
    else if (result && descriptionIn(result)) description = result.seq;
  }
  const type = descriptionIn(call)?.type ?? descriptionIn(result)?.type;
  const args =
    method === 'setLocalDescription' || method === 'setRemoteDescription' ? (type ?? '')
    : method === 'addIceCandidate' ? addedCandidate(call.args[0])
    : method === 'createDataChannel' ? JSON.stringify(call.args[0] ?? '')
    : method === 'addTransceiver' && typeof call.args[0] === 'string' ? call.args[0]
    : '';
  return {
    seq: call.seq,
    t: call.t,
    lane: `pc:${call.pc}`,
    text: `${pcName} → ${method}(${args}) ${result ? outcome(result, call.t) : '… pending'}`,
    tone: !result ? 'pending' : result.ok ? 'ok' : 'error',
    category: method === 'addIceCandidate' ? 'candidates' : method === 'getStats' ? 'stats' : 'core',
    ...(description !== undefined ? { description } : {}),
    ...(method === 'addIceCandidate' ? { candidate: call.seq } : {}),
  };
}

function addedCandidate(arg: Json | undefined): string {
  const object = asObject(arg);
  const text = object?.['candidate'];
  return typeof text === 'string' && text !== '' ? candidateSummary(text) : 'end of candidates';
}

function outcome(result: PcResultEvent, since?: number): string {
  const took = since === undefined ? '' : ` ${ms(result.t - since)}`;
  return result.ok ? `✓${took}` : `✗ ${result.error.name}: ${firstLine(result.error.message)}`;
}

function asObject(value: Json | undefined): { [key: string]: Json } | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : null;
}

function asDescription(value: Json | undefined): { type: string; sdp: string } | null {
  const object = asObject(value);
  if (!object || typeof object['sdp'] !== 'string' || object['sdp'] === '') return null;
  return { type: typeof object['type'] === 'string' ? object['type'] : '', sdp: object['sdp'] };
}
