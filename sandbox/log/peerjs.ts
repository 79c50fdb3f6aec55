/**
 * PeerJS in the event log: one summary per Peer object, with its id once the
 * signaller opened it, its errors, its DataConnections/MediaConnections and
 * the signalling messages it exchanged. Pure; see ./reduce.ts for the conventions.
 *
 * Two Peers in one page share a connection's `connectionId` (the connecting
 * side makes it up and sends it in the OFFER), so a connection is identified
 * by its Peer *and* its connectionId.
 */
import type { Json, PeerConnectionEvent, PeerEvent, PeerSignalEvent, PlaygroundEvent } from './events.ts';

export interface PeerError {
  /** The Peer that reported it (for a connection's error, the Peer owning the connection). */
  peer: number;
  /** PeerJS's error type, e.g. "peer-unavailable", "unavailable-id", "network". */
  type: string;
  message: string;
  t: number;
  seq: number;
}

export interface PeerConnectionSummary {
  peer: number;
  connectionId: string;
  kind: PeerConnectionEvent['kind'];
  remoteId: string;
  /** The RTCPeerConnection behind it, once the runtime linked one. */
  pc: number | null;
  /** The last lifecycle event. */
  state: PeerConnectionEvent['event'];
  /** Whether it was open at some point. */
  opened: boolean;
  errors: PeerError[];
  events: PeerConnectionEvent[];
}

export interface PeerSummary {
  peer: number;
  /** The id the signaller confirmed ('open'); null until then. */
  id: string | null;
  options: Json;
  /** The last lifecycle event: created, open, disconnected, close or error. */
  state: PeerEvent['event'];
  opened: boolean;
  errors: PeerError[];
  connections: PeerConnectionSummary[];
  /** Signalling messages in and out, in order (heartbeats are not recorded). */
  signals: PeerSignalEvent[];
}

/** One summary per PeerJS Peer, in creation order. */
export function peers(events: readonly PlaygroundEvent[]): PeerSummary[] {
  const byNumber = new Map<number, PeerSummary>();
  const get = (peer: number): PeerSummary => {
    let summary = byNumber.get(peer);
    if (!summary) {
      summary = { peer, id: null, options: null, state: 'created', opened: false, errors: [], connections: [], signals: [] };
      byNumber.set(peer, summary);
    }
    return summary;
  };

  for (const event of events) {
    if (event.type === 'peerjs.peer') {
      const peer = get(event.peer);
      peer.state = event.event;
      if (event.event === 'created' && event.options !== undefined) peer.options = event.options;
      if (event.event === 'open') {
        peer.opened = true;
        if (event.id !== undefined) peer.id = event.id;
      }
      if (event.error) peer.errors.push({ peer: event.peer, ...event.error, t: event.t, seq: event.seq });
    } else if (event.type === 'peerjs.signal') {
      get(event.peer).signals.push(event);
    } else if (event.type === 'peerjs.connection') {
      recordConnection(get(event.peer), event);
    }
  }
  return [...byNumber.values()].sort((a, b) => a.peer - b.peer);
}

function recordConnection(peer: PeerSummary, event: PeerConnectionEvent): void {
  let connection = peer.connections.find((c) => c.connectionId === event.connectionId);
  if (!connection) {
    connection = {
      peer: peer.peer,
      connectionId: event.connectionId,
      kind: event.kind,
      remoteId: event.remoteId,
      pc: null,
      state: event.event,
      opened: false,
      errors: [],
      events: [],
    };
    peer.connections.push(connection);
  }
  connection.state = event.event;
  connection.events.push(event);
  if (event.pc !== undefined) connection.pc = event.pc;
  if (event.event === 'open') connection.opened = true;
  if (event.error) connection.errors.push({ peer: event.peer, ...event.error, t: event.t, seq: event.seq });
}

/** The Peers that opened (got their id from the signaller) at some point. */
export function openedPeers(summaries: readonly PeerSummary[]): PeerSummary[] {
  return summaries.filter((peer) => peer.opened);
}

/** Every connection of every Peer that was open at some point. */
export function openedConnections(summaries: readonly PeerSummary[]): PeerConnectionSummary[] {
  return summaries.flatMap((peer) => peer.connections.filter((c) => c.opened));
}

/** Every error any Peer or connection reported, in log order. */
export function peerErrors(summaries: readonly PeerSummary[]): PeerError[] {
  return summaries
    .flatMap((peer) => [...peer.errors, ...peer.connections.flatMap((c) => c.errors)])
    .sort((a, b) => a.seq - b.seq);
}

/** How a Peer is named for a learner: its id once it has one. */
export function peerName(peer: PeerSummary): string {
  return peer.id ?? `peer ${peer.peer}`;
}

/**
 * A readable label for an RTCPeerConnection that PeerJS created, e.g.
 * "alice ↔ bob (data)", or null when no PeerJS connection claims it.
 */
export function pcLabelFromPeerJs(summaries: readonly PeerSummary[], pc: number): string | null {
  for (const peer of summaries) {
    const connection = peer.connections.find((c) => c.pc === pc);
    if (connection) return `${peerName(peer)} ↔ ${connection.remoteId} (${connection.kind})`;
  }
  return null;
}
