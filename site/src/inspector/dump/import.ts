/**
 * A dump file → an event log for the inspector. Pure.
 * - Our own export: the events under PLAYGROUND_KEY, each checked with the
 *   same validator the host applies to what a frame posts (a file is as
 *   untrusted as a frame), so the log comes back exactly.
 * - Any other chrome://webrtc-internals dump: converted as well as its text
 *   allows: connections, calls paired with their outcomes, descriptions,
 *   candidates, state changes and getStats samples. Entries it has no event
 *   for are counted in `notes`, not guessed at.
 * Never throws: bad input gives `{ ok: false, error }` with a sentence for people.
 */
import type { CandidateJson, Json, PcMethod, PcStateName, PlaygroundEvent, UnstampedEvent } from '../../../../sandbox/log/events.ts';
import { PC_METHODS } from '../../../../sandbox/log/events.ts';
import { validateEvent, isJson } from '../../../../sandbox/host/validate.ts';
import { PLAYGROUND_KEY, STATE_UPDATE_TYPES, parseCandidateText, parseDescriptionText } from './format.ts';

export type ImportResult =
  | { ok: true; source: 'playground' | 'webrtc-internals'; events: PlaygroundEvent[]; notes: string[] }
  | { ok: false; error: string };

export function importDump(text: string): ImportResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return fail(`The file is not JSON (${error instanceof Error ? error.message : String(error)}).`);
  }
  if (!isRecord(data)) return fail('The file is JSON but not a dump: a dump is an object with "PeerConnections".');
  if (PLAYGROUND_KEY in data) return importOwn(data[PLAYGROUND_KEY]);
  if (!isRecord(data['PeerConnections'])) {
    return fail('The file is not a chrome://webrtc-internals dump: it has no "PeerConnections" object.');
  }
  return convertInternals(data['PeerConnections']);
}

function fail(error: string): ImportResult {
  return { ok: false, error };
}

function importOwn(section: unknown): ImportResult {
  if (!isRecord(section) || !Array.isArray(section['events'])) {
    return fail(`The file's "${PLAYGROUND_KEY}" part is damaged: it has no list of events.`);
  }
  const events: PlaygroundEvent[] = [];
  for (const [index, raw] of section['events'].entries()) {
    const event = validateEvent(raw);
    if (!event) return fail(`The file's event number ${index + 1} is malformed, so the recording cannot be trusted.`);
    events.push(event);
  }
  return { ok: true, source: 'playground', events, notes: [] };
}

// ---- a foreign webrtc-internals dump ----------------------------------------

interface Timed {
  time: number;
  /** Keeps each connection's own order among entries with the same time. */
  order: number;
  event: UnstampedEvent;
}

const STATE_BY_TYPE = new Map<string, PcStateName>(
  Object.entries(STATE_UPDATE_TYPES).map(([which, type]) => [type, which as PcStateName]),
);
const DESCRIPTION_METHODS = ['createOffer', 'createAnswer', 'setLocalDescription', 'setRemoteDescription'];
/** Methods that return at once: Chromium logs the call only, so its success is the next thing that happened. */
const SYNCHRONOUS: readonly PcMethod[] = ['createDataChannel', 'addTrack', 'removeTrack', 'addTransceiver', 'restartIce', 'setConfiguration', 'close'];

function convertInternals(connections: Record<string, unknown>): ImportResult {
  const timed: Timed[] = [];
  const skipped = new Map<string, number>();
  let order = 0;
  let call = 0;
  let pc = 0;
  const push = (time: number, event: UnstampedEvent) => timed.push({ time, order: order++, event });

  for (const [key, raw] of Object.entries(connections)) {
    if (!isRecord(raw)) continue;
    pc += 1;
    const updates = Array.isArray(raw['updateLog']) ? raw['updateLog'].filter(isRecord) : [];
    const stats = isRecord(raw['stats']) ? raw['stats'] : {};
    const times = updates.map((u) => parseTime(u['time'])).filter((t): t is number => t !== null);
    // A loop, not Math.min(...list): a long dump would overflow the argument list.
    let created = Infinity;
    for (const time of [...times, ...statsTimes(stats)]) created = Math.min(created, time);
    if (!Number.isFinite(created)) created = 0;
    push(created, { type: 'pc.created', t: 0, pc, label: `pc ${pc}`, configuration: configuration(raw['rtcConfiguration'], key) });

    // Calls wait here for their outcome entries, oldest first per method.
    const open = new Map<string, number[]>();
    let last = created;
    for (const update of updates) {
      const time = parseTime(update['time']) ?? last;
      last = time;
      const type = typeof update['type'] === 'string' ? update['type'] : '';
      const value = typeof update['value'] === 'string' ? update['value'] : '';
      const event = convertUpdate(pc, type, value, open, () => ++call);
      if (!event) {
        skipped.set(type, (skipped.get(type) ?? 0) + 1);
        continue;
      }
      push(time, event);
      if (event.type === 'pc.call' && SYNCHRONOUS.includes(event.method)) {
        open.get(event.method)?.pop();
        push(time, { type: 'pc.result', t: 0, pc, call: event.call, method: event.method, ok: true });
      }
    }
    for (const [time, report] of statsSamples(stats)) push(time, { type: 'pc.stats', t: 0, pc, report });
  }

  if (pc === 0) return fail('The dump has no peer connections to show.');
  timed.sort((a, b) => a.time - b.time || a.order - b.order);
  const origin = timed[0]?.time ?? 0;
  const events = timed.map(({ time, event }, seq) => ({ ...event, seq, t: Math.round((time - origin) * 10) / 10 }) as PlaygroundEvent);
  const notes = [...skipped].map(([type, count]) => `${count} "${type || '(no type)'}" entr${count === 1 ? 'y was' : 'ies were'} not converted.`);
  return { ok: true, source: 'webrtc-internals', events, notes };
}

function convertUpdate(
  pc: number,
  type: string,
  value: string,
  open: Map<string, number[]>,
  nextCall: () => number,
): UnstampedEvent | null {
  const which = STATE_BY_TYPE.get(type);
  if (which) return { type: 'pc.state', t: 0, pc, which, value };

  if (isMethod(type)) {
    const number = nextCall();
    const queue = open.get(type) ?? [];
    queue.push(number);
    open.set(type, queue);
    return { type: 'pc.call', t: 0, pc, call: number, method: type, args: callArgs(type, value) };
  }

  const outcome = /^(\w+?)(OnSuccess|OnFailure|Success|Failed)$/.exec(type);
  const method = outcome?.[1];
  if (outcome && method && isMethod(method)) {
    const number = open.get(method)?.shift();
    if (number === undefined) return null;
    if (outcome[2] === 'OnFailure' || outcome[2] === 'Failed') {
      const [name, ...rest] = value.split(': ');
      const message = rest.length > 0 ? rest.join(': ') : value;
      return { type: 'pc.result', t: 0, pc, call: number, method, ok: false, error: { name: rest.length > 0 && name ? name : 'Error', message } };
    }
    const description = parseDescriptionText(value);
    return description
      ? { type: 'pc.result', t: 0, pc, call: number, method, ok: true, value: description }
      : { type: 'pc.result', t: 0, pc, call: number, method, ok: true };
  }

  switch (type) {
    case 'icecandidate': {
      const parsed = parseCandidateText(value);
      if (!parsed) return null;
      return { type: 'pc.event', t: 0, pc, name: 'icecandidate', detail: { candidate: toJson(candidateJson(parsed)), sinceLocalDescription: null } };
    }
    case 'icecandidateerror':
      return { type: 'pc.event', t: 0, pc, name: 'icecandidateerror', detail: candidateError(value) };
    case 'negotiationneeded':
      return { type: 'pc.event', t: 0, pc, name: 'negotiationneeded', detail: {} };
    default:
      return null;
  }
}

function isMethod(name: string): name is PcMethod {
  return (PC_METHODS as readonly string[]).includes(name);
}

function callArgs(method: PcMethod, value: string): Json[] {
  if (DESCRIPTION_METHODS.includes(method) && method.startsWith('set')) {
    const description = parseDescriptionText(value);
    return description ? [description] : [];
  }
  if (method === 'addIceCandidate') {
    const parsed = parseCandidateText(value);
    return parsed ? [{ candidate: parsed.candidate, sdpMid: parsed.sdpMid, sdpMLineIndex: parsed.sdpMLineIndex }] : [null];
  }
  if (method === 'createDataChannel') {
    // "label: chat, dataChannelDict: {…}"
    const match = /^label: (.*?)(?:, dataChannelDict: (\{.*\}))?$/s.exec(value);
    const options = match?.[2] ? parseJson(match[2]) : undefined;
    return match ? [match[1] ?? '', ...(options !== undefined ? [options] : [])] : [];
  }
  const options = /^options: (\{.*\})$/s.exec(value)?.[1];
  if (options) {
    const parsed = parseJson(options);
    if (parsed !== undefined) return [parsed];
  }
  return [];
}

/** The fields Chromium's RTCIceCandidate exposes, read from the candidate line. */
function candidateJson(parsed: NonNullable<ReturnType<typeof parseCandidateText>>): CandidateJson {
  const words = parsed.candidate.replace(/^(a=)?candidate:/, '').split(/\s+/);
  const after = (name: string) => {
    const index = words.indexOf(name);
    return index >= 0 ? (words[index + 1] ?? null) : null;
  };
  const number = (text: string | null | undefined) => (text != null && /^\d+$/.test(text) ? Number(text) : null);
  return {
    candidate: parsed.candidate,
    sdpMid: parsed.sdpMid,
    sdpMLineIndex: parsed.sdpMLineIndex,
    usernameFragment: after('ufrag'),
    type: after('typ'),
    protocol: words[2]?.toLowerCase() ?? null,
    address: words[4] ?? null,
    port: number(words[5]),
    priority: number(words[3]),
    relatedAddress: after('raddr'),
    relatedPort: number(after('rport')),
    url: parsed.url,
  };
}

/** "url: …, address: …, port: …, errorCode: 701, errorText: …" (Chromium also writes error_code/error_text). */
function candidateError(value: string): Json {
  const detail: { [key: string]: Json } = {};
  for (const part of value.split(', ')) {
    const [rawKey, ...rest] = part.split(': ');
    if (!rawKey || rest.length === 0) continue;
    const key = rawKey.trim().replace(/_(\w)/g, (_, c: string) => c.toUpperCase());
    const text = rest.join(': ');
    detail[key] = /^-?\d+$/.test(text) ? Number(text) : text;
  }
  return detail;
}

function configuration(raw: unknown, key: string): Json {
  if (isJson(raw) && typeof raw !== 'string') return raw;
  if (typeof raw === 'string') {
    const parsed = parseJson(raw);
    // Chromium's "{ iceServers: [...], … }" is not JSON: keep its text for people to read.
    return parsed !== undefined && typeof parsed === 'object' ? parsed : { text: raw, dumpKey: key };
  }
  return { dumpKey: key };
}

// ---- stats: series per property → one report per second ---------------------

function statsTimes(stats: Record<string, unknown>): number[] {
  return Object.values(stats).flatMap((series) => (isRecord(series) ? [parseTime(series['startTime'])] : [])).filter((t): t is number => t !== null);
}

function statsSamples(stats: Record<string, unknown>): Array<[number, Record<string, Json>]> {
  const reports = new Map<number, { time: number; report: Record<string, { [key: string]: Json }> }>();
  for (const [key, series] of Object.entries(stats)) {
    // "<id>-<property>"; Chromium's computed series ("[bytesSent_in_bits/s]") are derived, not samples.
    const dash = key.lastIndexOf('-');
    if (dash <= 0 || key.includes('[') || !isRecord(series) || typeof series['values'] !== 'string') continue;
    const id = key.slice(0, dash);
    const property = key.slice(dash + 1);
    const values = parseJson(series['values']);
    const start = parseTime(series['startTime']);
    if (!Array.isArray(values) || start === null) continue;
    const end = parseTime(series['endTime']) ?? start + 1000 * (values.length - 1);
    const statsType = typeof series['statsType'] === 'string' ? series['statsType'] : '';
    values.forEach((value, index) => {
      const time = values.length > 1 ? start + ((end - start) * index) / (values.length - 1) : start;
      const bucket = Math.round(time / 1000);
      let sample = reports.get(bucket);
      if (!sample) reports.set(bucket, (sample = { time, report: {} }));
      const stat = (sample.report[id] ??= { id, type: statsType });
      stat[property] = value;
    });
  }
  return [...reports.entries()].sort(([a], [b]) => a - b).map(([, { time, report }]) => [time, report]);
}

function parseTime(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string' || value === '') return null;
  const asNumber = Number(value);
  if (Number.isFinite(asNumber)) return asNumber;
  const parsed = Date.parse(value);
  return Number.isNaN(parsed) ? null : parsed;
}

function parseJson(text: string): Json | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return isJson(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function toJson(candidate: CandidateJson): Json {
  return candidate as unknown as Json;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
