/**
 * The ICE view's candidate rows: per peer connection, every candidate it
 * gathered (icecandidate events, "local") and every one the learner handed it
 * (addIceCandidate, "remote"), each decoded; and every icecandidateerror with a
 * diagnosis. Built on the log reducers (sandbox/log/reduce.ts). Pure.
 */
import type { CandidateJson, Json, PlaygroundEvent } from '../../../../sandbox/log/events.ts';
import { asObject, peerConnections, type PcSummary } from '../../../../sandbox/log/reduce.ts';
import { isMdnsAddress, parseCandidateLine } from './candidate-line.ts';
import { decodePriority, relayTransport, typePreferenceName, type DecodedPriority } from './priority.ts';
import { diagnoseIceError, type IceErrorRow } from './errors.ts';

export interface CandidateRow {
  side: 'local' | 'remote';
  /** How the log knows it: an icecandidate event (local), an addIceCandidate call, or a line of an applied remote description. */
  via: 'icecandidate' | 'addIceCandidate' | 'description';
  seq: number;
  t: number;
  /** Milliseconds since this connection's setLocalDescription was called (local: as measured by the runtime). */
  sinceLocalDescription: number | null;
  type: string | null;
  protocol: string | null;
  address: string | null;
  /** The address is an mDNS `.local` name. */
  mdns: boolean;
  port: number | null;
  priority: number | null;
  decoded: DecodedPriority | null;
  /** The type preference in words, e.g. "host", "relay, TURN over UDP (libwebrtc)". */
  typePreferenceName: string | null;
  foundation: string | null;
  relatedAddress: string | null;
  relatedPort: number | null;
  tcpType: string | null;
  /** The STUN/TURN server that produced it (local srflx/relay candidates). */
  url: string | null;
  /** How the browser reached the TURN server: udp, tcp, tls (relay candidates). */
  relayProtocol: string | null;
  sdpMid: string | null;
  /** The whole `candidate:` string. */
  raw: string;
  /** For a remote candidate: whether addIceCandidate accepted it. */
  outcome: 'pending' | 'ok' | 'error' | null;
  error: string | null;
}

export interface PcIce {
  pc: number;
  label: string;
  candidates: CandidateRow[];
  errors: IceErrorRow[];
  gatheringComplete: boolean;
  /** Why this connection has no candidate, in the words of the most likely cause; null when it has some. */
  noCandidates: string | null;
}

/** One entry per peer connection, in creation order. */
export function iceCandidates(events: readonly PlaygroundEvent[]): PcIce[] {
  const pcs = peerConnections(events);
  const errors = new Map<number, IceErrorRow[]>();
  for (const event of events) {
    if (event.type !== 'pc.event' || event.name !== 'icecandidateerror') continue;
    const list = errors.get(event.pc) ?? [];
    list.push(diagnoseIceError(event.detail, event.seq, event.t));
    errors.set(event.pc, list);
  }
  return pcs.map((pc) => {
    const candidates = rowsOf(pc);
    const pcErrors = errors.get(pc.pc) ?? [];
    return {
      pc: pc.pc,
      label: pc.label,
      candidates,
      errors: pcErrors,
      gatheringComplete: pc.gatheringComplete,
      noCandidates: candidates.length ? null : whyNoCandidates(pc, pcErrors),
    };
  });
}

/**
 * The likeliest reason a connection has no candidate at all, checked in the
 * order gathering depends on: a local description, an m= section in it, the
 * STUN/TURN servers (which matter most under iceTransportPolicy "relay",
 * where a refused TURN server leaves nothing to gather).
 */
export function whyNoCandidates(pc: PcSummary, errors: readonly IceErrorRow[]): string {
  const local = pc.descriptions.find((d) => d.side === 'local');
  if (!local) return 'No candidates yet: a connection gathers candidates only once setLocalDescription has succeeded, and it has not been called yet (or it failed).';
  if (local.sdp !== null && !/^m=/m.test(local.sdp)) {
    return 'No candidates: the local description has no m= section (no track, transceiver or data channel was added before the offer), and candidates are gathered per m= section.';
  }
  const relayOnly = asObject(pc.configuration)?.['iceTransportPolicy'] === 'relay';
  const policy = relayOnly ? ' With iceTransportPolicy "relay" only relay candidates are gathered, and only a TURN server that accepts the credentials gives one.' : '';
  const auth = errors.find((e) => e.errorCode === 401 || e.errorCode === 441);
  if (auth) return `No candidates: the TURN server refused the credentials (error ${auth.errorCode}, listed below).${policy}`;
  if (errors.length) return `No candidates: the STUN/TURN servers reported errors (listed below).${policy}`;
  if (relayOnly && !hasTurnServer(pc.configuration)) return 'No candidates: iceTransportPolicy is "relay", which uses only relay candidates, but no TURN server is configured, so there is none to gather.';
  if (pc.gatheringComplete) return `Gathering finished without a candidate.${policy}`;
  return `No candidates yet: gathering is under way.${policy}`;
}

function rowsOf(pc: PcSummary): CandidateRow[] {
  const rows: CandidateRow[] = [];
  for (const gathered of pc.candidates) {
    rows.push({ ...fields(gathered.candidate), side: 'local', via: 'icecandidate', seq: gathered.seq, t: gathered.t, sinceLocalDescription: gathered.sinceLocalDescription, outcome: null, error: null });
  }
  const localDescriptionCalls = pc.calls.filter((c) => c.call.method === 'setLocalDescription').map((c) => c.call.t);
  for (const added of pc.addedCandidates) {
    const candidate = asCandidate(added.candidate);
    if (!candidate) continue; // end-of-candidates markers are not rows
    const before = localDescriptionCalls.filter((t) => t <= added.t);
    const since = before.length ? round(added.t - (before[before.length - 1] as number)) : null;
    rows.push({
      ...fields(candidate),
      side: 'remote',
      via: 'addIceCandidate',
      seq: added.seq,
      t: added.t,
      sinceLocalDescription: since,
      outcome: added.outcome,
      error: added.error ? `${added.error.name}: ${added.error.message}` : null,
    });
  }
  // Candidates that came inside the remote description (non-trickle, or sent after gathering).
  const known = new Set(rows.filter((r) => r.side === 'remote').map((r) => r.raw.replace(/^a=/, '')));
  for (const description of pc.descriptions) {
    if (description.side !== 'remote' || !description.sdp) continue;
    for (const { line, mid } of candidateLines(description.sdp)) {
      if (known.has(line)) continue;
      known.add(line);
      const since = localDescriptionCalls.filter((t) => t <= description.t).at(-1);
      rows.push({
        ...fields({ candidate: line, sdpMid: mid }),
        side: 'remote',
        via: 'description',
        seq: description.seq,
        t: description.t,
        sinceLocalDescription: since === undefined ? null : round(description.t - since),
        outcome: 'ok',
        error: null,
      });
    }
  }
  return rows.sort((a, b) => a.seq - b.seq);
}

/** The a=candidate lines of a description, each with the mid of its m-section. */
export function candidateLines(sdp: string): { line: string; mid: string | null }[] {
  const out: { line: string; mid: string | null }[] = [];
  let pending: string[] = [];
  let mid: string | null = null;
  const flush = () => {
    for (const line of pending) out.push({ line, mid });
    pending = [];
  };
  for (const raw of sdp.split(/\r?\n/)) {
    if (raw.startsWith('m=')) {
      flush();
      mid = null;
    } else if (raw.startsWith('a=mid:')) mid = raw.slice(6).trim();
    else if (raw.startsWith('a=candidate:')) pending.push(raw.slice(2).trim());
  }
  flush();
  return out;
}

type Fields = Omit<CandidateRow, 'side' | 'via' | 'seq' | 't' | 'sinceLocalDescription' | 'outcome' | 'error'>;

/** The browser's own fields when it gave them (local candidates), else what the line says. */
function fields(candidate: Partial<CandidateJson> & { candidate: string }): Fields {
  const line = parseCandidateLine(candidate.candidate);
  const priority = candidate.priority ?? line.priority;
  const decoded = priority === null ? null : decodePriority(priority);
  const type = candidate.type ?? line.type;
  const address = candidate.address ?? line.address;
  return {
    type,
    protocol: candidate.protocol ?? line.protocol,
    address,
    mdns: isMdnsAddress(address),
    port: candidate.port ?? line.port,
    priority,
    decoded,
    typePreferenceName: decoded ? typePreferenceName(decoded.typePreference, type, relayTransport(candidate.relayProtocol, candidate.url)) : null,
    foundation: line.foundation,
    relatedAddress: candidate.relatedAddress ?? line.relatedAddress,
    relatedPort: candidate.relatedPort ?? line.relatedPort,
    tcpType: line.tcpType,
    url: candidate.url ?? null,
    relayProtocol: candidate.relayProtocol ?? null,
    sdpMid: candidate.sdpMid ?? null,
    raw: candidate.candidate,
  };
}

function asCandidate(value: Json | undefined): (Partial<CandidateJson> & { candidate: string }) | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  const text = value['candidate'];
  if (typeof text !== 'string' || text === '') return null;
  return value as unknown as Partial<CandidateJson> & { candidate: string };
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}

/** Whether the configuration names a TURN server (in urls, or the deprecated url). */
export function hasTurnServer(configuration: Json): boolean {
  const servers = asObject(configuration)?.['iceServers'];
  if (!Array.isArray(servers)) return false;
  return servers.some((server) => {
    const entry = asObject(server);
    const urls = entry?.['urls'] ?? entry?.['url'];
    return (Array.isArray(urls) ? urls : [urls]).some((url) => typeof url === 'string' && /^turns?:/i.test(url));
  });
}
