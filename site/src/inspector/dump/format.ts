/**
 * The chrome://webrtc-internals dump format, as Chromium's "Create a dump"
 * writes it and as tools such as the rtcstats dump importer read it:
 *
 *   {
 *     "getUserMedia": [ … ],
 *     "PeerConnections": {
 *       "<pid>-<lid>": {
 *         "pid", "rid", "lid", "url", "rtcConfiguration", "constraints",
 *         "updateLog": [ { "time", "type", "value" } ],        // value is always text
 *         "stats": { "<stats id>-<property>": { "startTime", "endTime", "statsType",
 *                                                "values": "<JSON array, one sample a second>" } }
 *       }
 *     },
 *     "UserAgent": "…"
 *   }
 *
 * Texts inside `value` follow Chromium's wording, e.g. "type: offer, sdp: v=0…"
 * and "sdpMid: 0, sdpMLineIndex: 0, candidate: candidate:…". Our exports add
 * the original event log under PLAYGROUND_KEY, which other tools ignore and
 * our import prefers, so a round trip is exact.
 */
import type { PcStateName } from '../../../../sandbox/log/events.ts';

export const PLAYGROUND_KEY = 'webrtcPlayground';
export const PLAYGROUND_FORMAT = 1;

export interface UpdateLogEntry {
  time: string;
  type: string;
  value: string;
}

export interface StatsSeries {
  startTime: string;
  endTime: string;
  statsType: string;
  values: string;
}

export interface PeerConnectionDump {
  pid: number;
  rid: number;
  lid: number;
  url: string;
  rtcConfiguration: string;
  constraints: string;
  updateLog: UpdateLogEntry[];
  stats: Record<string, StatsSeries>;
}

export interface WebrtcInternalsDump {
  getUserMedia: unknown[];
  PeerConnections: Record<string, PeerConnectionDump>;
  UserAgent: string;
  [PLAYGROUND_KEY]?: { format: number; events: unknown[] };
}

/** Our state attributes ↔ the updateLog types Chromium records for their change events. */
export const STATE_UPDATE_TYPES: Readonly<Record<PcStateName, string>> = {
  signalingState: 'signalingstatechange',
  iceGatheringState: 'icegatheringstatechange',
  iceConnectionState: 'iceconnectionstatechange',
  connectionState: 'connectionstatechange',
};

/** "type: offer, sdp: v=0…" */
export function descriptionText(type: string, sdp: string): string {
  return `type: ${type}, sdp: ${sdp}`;
}

export function parseDescriptionText(value: string): { type: string; sdp: string } | null {
  const match = /^type: ([\w-]*), sdp: ([\s\S]*)$/.exec(value);
  return match ? { type: match[1] ?? '', sdp: match[2] ?? '' } : null;
}

/** "sdpMid: 0, sdpMLineIndex: 0, candidate: candidate:…" */
export function candidateText(sdpMid: string | null, sdpMLineIndex: number | null, candidate: string): string {
  return `sdpMid: ${sdpMid ?? 'null'}, sdpMLineIndex: ${sdpMLineIndex ?? 'null'}, candidate: ${candidate}`;
}

export function parseCandidateText(
  value: string,
): { sdpMid: string | null; sdpMLineIndex: number | null; candidate: string; url: string | null } | null {
  const match = /^sdpMid: ([^,]*), sdpMLineIndex: ([^,]*), candidate: (.*?)(?:, url: (.*))?$/s.exec(value);
  if (!match) return null;
  const mid = match[1] ?? 'null';
  const index = Number(match[2]);
  return {
    sdpMid: mid === 'null' ? null : mid,
    sdpMLineIndex: Number.isInteger(index) ? index : null,
    candidate: (match[3] ?? '').trim(),
    url: match[4]?.trim() || null,
  };
}
