/**
 * Lesson 05: two PeerJS Peers in one page, through the playground's signaller.
 *
 * PeerJS sends strings packed in its binary format by default, so received
 * messages have no text preview: the checks count messages instead of reading
 * them. Where PeerJS's own events might be missing, the data channels (which
 * the runtime records for every RTCPeerConnection, PeerJS's included) decide.
 */
import type { Check, Verdict } from '../../sandbox/checks/types.ts';
import type { PlaygroundEvent } from '../../sandbox/log/events.ts';
import {
  type PeerSummary,
  channelsThatOpened,
  dataChannels,
  messages,
  openedConnections,
  openedPeers,
  peerErrors,
  peers,
} from '../../sandbox/log/reduce.ts';

const pending = (reason: string): Verdict => ({ status: 'pending', reason });

/** Ids are long UUIDs; the first 8 characters tell them apart in one line. */
function short(id: string | null): string {
  if (id === null) return '(no id yet)';
  return id.length > 12 ? `${id.slice(0, 8)}…` : id;
}

function firstError(summaries: readonly PeerSummary[]): string | null {
  const error = peerErrors(summaries)[0];
  return error ? `peer ${error.peer} reported an error (${error.type}): ${error.message}` : null;
}

const peersOpen: Check = {
  id: 'peers-open',
  title: 'Both peers are open on the signaller',
  verify(events) {
    const summaries = peers(events);
    const open = openedPeers(summaries);
    if (open.length >= 2) {
      return { status: 'passed', detail: `Both have ids: ${open.map((p) => short(p.id)).join(' and ')}.` };
    }
    const error = firstError(summaries);
    if (error) return pending(error);
    if (summaries.length === 0) return pending('No Peer yet: create one with new Peer().');
    if (summaries.length === 1) return pending('Only one Peer so far: create a second one for it to connect to.');
    const waiting = summaries.find((p) => !p.opened);
    return pending(`Waiting for peer ${waiting?.peer} to open: the signaller has not confirmed its id yet.`);
  },
};

const connectionOpen: Check = {
  id: 'connection-open',
  title: 'The connection between them opened',
  verify(events) {
    const summaries = peers(events);
    const sides = new Set(openedConnections(summaries).map((c) => c.peer));
    const openPcs = new Set(channelsThatOpened(dataChannels(events)).map((dc) => dc.pc));
    if (sides.size >= 2 || openPcs.size >= 2) {
      return { status: 'passed', detail: 'The data connection is open on both sides.' };
    }
    const error = firstError(summaries);
    if (error) return pending(error);
    const connections = summaries.flatMap((p) => p.connections);
    if (connections.length === 0 && openPcs.size === 0) {
      return pending('No connection yet: once both peers are open, call connect(otherPeer.id) on one of them.');
    }
    const holders = new Set(connections.map((c) => c.peer));
    const first = connections[0];
    if (first && holders.size === 1) {
      return pending(`peer ${first.peer} is connecting to ${short(first.remoteId)}; that peer has not received the connection yet.`);
    }
    return pending('Both sides have the connection, but it has not opened yet.');
  },
};

/**
 * Who received data: a Peer when the runtime tied the RTCPeerConnection to
 * one of its connections, otherwise the RTCPeerConnection itself.
 */
function receivingSides(events: readonly PlaygroundEvent[]): Map<string, number> {
  const owner = new Map<number, number>();
  for (const peer of peers(events)) {
    for (const connection of peer.connections) if (connection.pc !== null) owner.set(connection.pc, peer.peer);
  }
  const sides = new Map<string, number>();
  for (const message of messages(events, 'received')) {
    const peer = owner.get(message.pc);
    const side = peer === undefined ? `pc ${message.pc}` : `peer ${peer}`;
    sides.set(side, (sides.get(side) ?? 0) + 1);
  }
  return sides;
}

function count(n: number): string {
  return n === 1 ? '1 message' : `${n} messages`;
}

const messagesBothWays: Check = {
  id: 'messages-both-ways',
  title: 'Messages crossed both ways',
  verify(events) {
    const sides = receivingSides(events);
    const summary = [...sides].map(([side, n]) => `${side} received ${count(n)}`).join(', ');
    if (sides.size >= 2) return { status: 'passed', detail: `${summary}.` };
    if (messages(events, 'sent').length === 0) {
      return pending('Nothing sent yet: call send() on a DataConnection once its open event fired.');
    }
    if (sides.size === 0) return pending('Data was sent but has not arrived yet.');
    return pending(`Only one way so far (${summary}): the other side must send too, e.g. reply in its data handler.`);
  },
};

export default [peersOpen, connectionOpen, messagesBothWays] satisfies Check[];
