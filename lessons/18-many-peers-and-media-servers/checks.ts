/**
 * Lesson 18: a full mesh of five PeerJS peers in one page. Read from PeerJS's
 * own events (sandbox/log/peerjs.ts): each Peer's id and its DataConnections;
 * the hellos from the data channels of each connection's RTCPeerConnection
 * (PeerJS packs strings in its binary format, so messages are counted, not read).
 *
 * Both sides of one PeerJS connection share its connectionId, so a pair that
 * connected twice (both peers called each other) shows two connectionIds.
 */
import type { Check, Verdict } from '../../sandbox/checks/types.ts';
import type { PlaygroundEvent } from '../../sandbox/log/events.ts';
import { type PeerSummary, openedPeers, peerName, peers } from '../../sandbox/log/peerjs.ts';
import { lastReport, reportObject } from '../../sandbox/log/reports.ts';

const pending = (reason: string): Verdict => ({ status: 'pending', reason });

/** The mesh the lesson builds. */
export const MESH_SIZE = 5;

const short = (id: string): string => (id.length > 12 ? `${id.slice(0, 8)}…` : id);
const nameOf = (peer: PeerSummary): string => short(peerName(peer));

/** The open Peers' ids, for telling members of the mesh from strangers. */
function memberIds(open: readonly PeerSummary[]): Set<string> {
  return new Set(open.flatMap((p) => (p.id === null ? [] : [p.id])));
}

/** The other members this peer held an open data connection with. */
export function partners(peer: PeerSummary, members: ReadonlySet<string>): Set<string> {
  return new Set(peer.connections.filter((c) => c.kind === 'data' && c.opened && members.has(c.remoteId)).map((c) => c.remoteId));
}

/** Each unordered pair of members → the distinct connectionIds seen between them (from either side). */
export function pairs(open: readonly PeerSummary[]): Map<string, Set<string>> {
  const members = memberIds(open);
  const out = new Map<string, Set<string>>();
  for (const peer of open) {
    if (peer.id === null) continue;
    for (const c of peer.connections) {
      if (c.kind !== 'data' || !members.has(c.remoteId)) continue;
      const key = [peer.id, c.remoteId].sort().join(' ↔ ');
      out.set(key, (out.get(key) ?? new Set()).add(c.connectionId));
    }
  }
  return out;
}

/** The members this peer received at least one message from, read from its connections' data channels. */
export function heardFrom(events: readonly PlaygroundEvent[], peer: PeerSummary, members: ReadonlySet<string>): Set<string> {
  const receivedOn = new Set(events.flatMap((e) => (e.type === 'dc.message' && e.direction === 'received' ? [e.pc] : [])));
  return new Set(
    peer.connections.filter((c) => c.kind === 'data' && c.pc !== null && receivedOn.has(c.pc) && members.has(c.remoteId)).map((c) => c.remoteId),
  );
}

function mesh(events: readonly PlaygroundEvent[]): { open: PeerSummary[]; members: Set<string> } {
  const open = openedPeers(peers(events));
  return { open, members: memberIds(open) };
}

const allOpen: Check = {
  id: 'five-open',
  title: `${MESH_SIZE} peers are open on the signaller`,
  verify(events) {
    const { open } = mesh(events);
    if (open.length >= MESH_SIZE) return { status: 'passed', detail: `${open.length} peers got an id from the signaller.` };
    return pending(`${open.length} of ${MESH_SIZE} peers are open: create ${MESH_SIZE} with new Peer() and wait for each one's 'open'.`);
  },
};

const eachHoldsAll: Check = {
  id: 'each-holds-all',
  title: `Each peer holds an open connection to each of the other ${MESH_SIZE - 1}`,
  verify(events) {
    const { open, members } = mesh(events);
    if (open.length < MESH_SIZE) return pending(`Waiting for ${MESH_SIZE} open peers (${open.length} so far).`);
    const lacking = open.map((p) => ({ peer: p, count: partners(p, members).size })).filter((x) => x.count < members.size - 1);
    if (lacking.length === 0) return { status: 'passed', detail: `All ${open.length} peers hold ${members.size - 1} open connections.` };
    const list = lacking.map((x) => `${nameOf(x.peer)} holds ${x.count}`).join(', ');
    return pending(`${list} of ${members.size - 1}: every pair of peers needs a connection, not only the pairs with one hub.`);
  },
};

const eachPairOnce: Check = {
  id: 'each-pair-once',
  title: 'Every pair is connected exactly once',
  verify(events) {
    const { open, members } = mesh(events);
    const byPair = pairs(open);
    for (const [pair, ids] of byPair) {
      if (ids.size > 1) {
        return {
          status: 'failed',
          reason: `${pair.split(' ↔ ').map(short).join(' and ')} connected ${ids.size} times: both called each other. Let only one side of each pair call connect().`,
        };
      }
    }
    const expected = (members.size * (members.size - 1)) / 2;
    if (members.size < MESH_SIZE) return pending(`Waiting for ${MESH_SIZE} open peers (${members.size} so far).`);
    if (byPair.size < expected) return pending(`${byPair.size} of the ${expected} pairs are connected.`);
    return { status: 'passed', detail: `${byPair.size} pairs, one connection each.` };
  },
};

const helloFromEach: Check = {
  id: 'hello-from-each',
  title: 'Every peer received a message from each other peer',
  verify(events) {
    const { open, members } = mesh(events);
    if (open.length < MESH_SIZE) return pending(`Waiting for ${MESH_SIZE} open peers (${open.length} so far).`);
    const missing = open.map((p) => ({ peer: p, heard: heardFrom(events, p, members).size })).filter((x) => x.heard < members.size - 1);
    if (missing.length === 0) return { status: 'passed', detail: `Each of the ${open.length} peers heard from all ${members.size - 1} others.` };
    const list = missing.map((x) => `${nameOf(x.peer)} heard from ${x.heard}`).join(', ');
    return pending(`${list} of ${members.size - 1}: send a hello on every connection once it opens.`);
  },
};

const costReported: Check = {
  id: 'mesh-cost',
  title: 'The reported cost of the mesh is right (connections and uploads per peer)',
  verify(events) {
    const { members } = mesh(events);
    const report = reportObject(lastReport(events, 'meshCost'));
    if (!report) return pending("Report the cost: playground.report('meshCost', { peers, connections, uploadsPerPeer }).");
    const n = members.size;
    if (n < 2) return pending('Waiting for the peers to open.');
    const connections = n * (n - 1) / 2;
    const uploads = n - 1;
    if (report['connections'] !== connections) {
      return pending(`connections was ${JSON.stringify(report['connections'])}; ${n} peers form ${connections} pairs, one connection each: n(n−1)/2.`);
    }
    if (report['uploadsPerPeer'] !== uploads) {
      return pending(`uploadsPerPeer was ${JSON.stringify(report['uploadsPerPeer'])}; in a mesh each peer sends its own copy to each of the other ${uploads}: n−1.`);
    }
    return { status: 'passed', detail: `${n} peers: ${connections} connections, ${uploads} uploads per peer.` };
  },
};

export default [allOpen, eachHoldsAll, eachPairOnce, helloFromEach, costReported] satisfies Check[];
