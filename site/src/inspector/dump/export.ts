/**
 * An event log → a chrome://webrtc-internals dump (see ./format.ts). Pure.
 * Calls become the updateLog entries Chromium writes for them (createOffer,
 * createOfferOnSuccess, setLocalDescription, …), state changes their
 * *statechange entries, candidates icecandidate entries, and the getStats
 * snapshots one series per stats id and property. The events themselves ride
 * along under PLAYGROUND_KEY so our own import gets them back exactly.
 */
import type { Json, PcCallEvent, PcEventEvent, PcResultEvent, PlaygroundEvent } from '../../../../sandbox/log/events.ts';
import {
  PLAYGROUND_FORMAT,
  PLAYGROUND_KEY,
  STATE_UPDATE_TYPES,
  candidateText,
  descriptionText,
  type PeerConnectionDump,
  type StatsSeries,
  type UpdateLogEntry,
  type WebrtcInternalsDump,
} from './format.ts';

export interface ExportOptions {
  /** The page the run belongs to (Chromium records the page's URL per connection). */
  url: string;
  userAgent: string;
  /** Wall-clock time (epoch ms) of the log's t = 0. */
  startedAt: number;
  /** Chromium keys connections "<pid>-<lid>"; ours have no process, any number will do. */
  pid?: number;
}

export function exportDump(events: readonly PlaygroundEvent[], options: ExportOptions): WebrtcInternalsDump {
  const pid = options.pid ?? 1;
  const time = (t: number) => new Date(options.startedAt + t).toISOString();
  const connections = new Map<number, PeerConnectionDump>();
  const samples = new Map<number, Map<string, { statsType: string; first: number; last: number; values: Json[] }>>();

  const connection = (pc: number): PeerConnectionDump => {
    let entry = connections.get(pc);
    if (!entry) {
      entry = { pid, rid: 0, lid: pc, url: options.url, rtcConfiguration: '', constraints: '', updateLog: [], stats: {} };
      connections.set(pc, entry);
    }
    return entry;
  };
  const log = (pc: number, t: number, type: string, value: string) => {
    connection(pc).updateLog.push({ time: time(t), type, value } satisfies UpdateLogEntry);
  };

  for (const event of events) {
    switch (event.type) {
      case 'pc.created':
        connection(event.pc).rtcConfiguration = configurationText(event.configuration);
        break;
      case 'pc.call':
        log(event.pc, event.t, event.method, callValue(event));
        break;
      case 'pc.result': {
        const entry = resultEntry(event);
        if (entry) log(event.pc, event.t, entry.type, entry.value);
        break;
      }
      case 'pc.state':
        log(event.pc, event.t, STATE_UPDATE_TYPES[event.which], event.value);
        break;
      case 'pc.event': {
        const value = eventValue(event);
        if (value !== null) log(event.pc, event.t, event.name, value);
        break;
      }
      case 'pc.stats': {
        let series = samples.get(event.pc);
        if (!series) samples.set(event.pc, (series = new Map()));
        connection(event.pc);
        for (const [id, stats] of Object.entries(event.report)) {
          if (!isObject(stats)) continue;
          const statsType = typeof stats['type'] === 'string' ? stats['type'] : '';
          for (const [property, value] of Object.entries(stats)) {
            if (property === 'id' || property === 'type') continue;
            const key = `${id}-${property}`;
            const one = series.get(key);
            if (one) {
              one.values.push(value);
              one.last = event.t;
            } else series.set(key, { statsType, first: event.t, last: event.t, values: [value] });
          }
        }
        break;
      }
      default:
        break;
    }
  }

  for (const [pc, series] of samples) {
    const stats: Record<string, StatsSeries> = connection(pc).stats;
    for (const [key, one] of series) {
      stats[key] = {
        startTime: time(one.first),
        endTime: time(one.last),
        statsType: one.statsType,
        values: JSON.stringify(one.values),
      };
    }
  }

  const PeerConnections: Record<string, PeerConnectionDump> = {};
  for (const pc of [...connections.keys()].sort((a, b) => a - b)) PeerConnections[`${pid}-${pc}`] = connection(pc);
  return {
    getUserMedia: [],
    PeerConnections,
    UserAgent: options.userAgent,
    [PLAYGROUND_KEY]: { format: PLAYGROUND_FORMAT, events: [...events] },
  };
}

/** Chromium prints the configuration as "{ iceServers: [stun:…], iceTransportPolicy: all, … }". */
export function configurationText(configuration: Json): string {
  if (!isObject(configuration)) return configuration === null ? '' : JSON.stringify(configuration);
  const parts = Object.entries(configuration).map(([key, value]) => {
    if (key === 'iceServers' && Array.isArray(value)) return `iceServers: [${value.flatMap(serverUrls).join(', ')}]`;
    return `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`;
  });
  return `{ ${parts.join(', ')} }`;
}

function serverUrls(server: Json): string[] {
  if (!isObject(server)) return [];
  const urls = server['urls'] ?? server['url'];
  if (typeof urls === 'string') return [urls];
  return Array.isArray(urls) ? urls.filter((u): u is string => typeof u === 'string') : [];
}

function callValue(event: PcCallEvent): string {
  const first = event.args[0];
  switch (event.method) {
    case 'createOffer':
    case 'createAnswer':
      return `options: ${JSON.stringify(first ?? {})}`;
    case 'setLocalDescription':
    case 'setRemoteDescription': {
      const description = asDescription(first);
      return description ? descriptionText(description.type, description.sdp) : '';
    }
    case 'addIceCandidate':
      return isObject(first) && typeof first['candidate'] === 'string'
        ? candidateText(stringOrNull(first['sdpMid']), numberOrNull(first['sdpMLineIndex']), first['candidate'])
        : '';
    case 'createDataChannel':
      return `label: ${typeof first === 'string' ? first : ''}, dataChannelDict: ${JSON.stringify(event.args[1] ?? {})}`;
    default:
      return event.args.length === 0 ? '' : JSON.stringify(event.args);
  }
}

/** Chromium's names for outcomes: createOfferOnSuccess, setRemoteDescriptionOnFailure, addIceCandidateFailed, … */
function resultEntry(event: PcResultEvent): { type: string; value: string } | null {
  const { method } = event;
  if (!event.ok) {
    const value = `${event.error.name}: ${event.error.message}`;
    return { type: method === 'addIceCandidate' ? 'addIceCandidateFailed' : `${method}OnFailure`, value };
  }
  switch (method) {
    case 'createOffer':
    case 'createAnswer':
    case 'setLocalDescription':
    case 'setRemoteDescription': {
      const description = asDescription(event.value);
      return { type: `${method}OnSuccess`, value: description ? descriptionText(description.type, description.sdp) : '' };
    }
    case 'addIceCandidate':
      return { type: 'addIceCandidateSuccess', value: '' };
    default:
      return null;
  }
}

function eventValue(event: PcEventEvent): string | null {
  const detail = isObject(event.detail) ? event.detail : {};
  switch (event.name) {
    case 'icecandidate': {
      const candidate = detail['candidate'];
      // Chromium logs no entry for the end of gathering; icegatheringstatechange says it.
      if (!isObject(candidate) || typeof candidate['candidate'] !== 'string' || candidate['candidate'] === '') return null;
      const text = candidateText(stringOrNull(candidate['sdpMid']), numberOrNull(candidate['sdpMLineIndex']), candidate['candidate']);
      return typeof candidate['url'] === 'string' ? `${text}, url: ${candidate['url']}` : text;
    }
    case 'icecandidateerror':
      return ['url', 'address', 'port', 'errorCode', 'errorText']
        .map((key) => `${key}: ${String(detail[key] ?? '')}`)
        .join(', ');
    case 'negotiationneeded':
      return '';
    default:
      return Object.entries(detail)
        .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
        .join(', ');
  }
}

function asDescription(value: Json | undefined): { type: string; sdp: string } | null {
  if (!isObject(value) || typeof value['type'] !== 'string') return null;
  return { type: value['type'], sdp: typeof value['sdp'] === 'string' ? value['sdp'] : '' };
}

function isObject(value: Json | undefined): value is { [key: string]: Json } {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function stringOrNull(value: Json | undefined): string | null {
  return typeof value === 'string' ? value : null;
}

function numberOrNull(value: Json | undefined): number | null {
  return typeof value === 'number' ? value : null;
}
