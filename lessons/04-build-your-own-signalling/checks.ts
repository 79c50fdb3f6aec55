/**
 * Lesson 04: two RTCPeerConnections that talk only through their own
 * WebSockets to a room on the playground's server. The checks read the `ws`
 * events (what each socket sent and received, with the first 200 characters
 * of each message) and the connections' states.
 */
import type { Check, Verdict } from '../../sandbox/checks/types.ts';
import type { PlaygroundEvent } from '../../sandbox/log/events.ts';
import { everReached, peerConnections } from '../../sandbox/log/reduce.ts';
import { type WsMessage, type WsSummary, webSockets, wsMessages } from '../../sandbox/log/websockets.ts';

const pending = (reason: string): Verdict => ({ status: 'pending', reason });

/** Why the sockets cannot carry anything yet, or null when two of them are open. */
function socketTrouble(sockets: readonly WsSummary[]): string | null {
  if (sockets.length === 0) return 'No WebSocket yet: open one per peer with new WebSocket(playground.roomUrl(room)).';
  const broken = sockets.find((s) => s.closed && !s.opened) ?? sockets.find((s) => s.errored && !s.opened);
  if (broken) {
    const why = broken.closed ? ` (close ${broken.closed.code ?? ''} ${broken.closed.reason})`.replace(/\s+\)/, ')') : '';
    return `socket ${broken.socket} could not connect to ${broken.url ?? 'its URL'}${why}: use playground.roomUrl(room) and a room name of letters, digits, "-" or "_".`;
  }
  if (sockets.length === 1) return 'Only one WebSocket: each peer needs its own, both in the same room.';
  if (sockets.filter((s) => s.opened).length < 2) return 'The sockets have not both opened yet.';
  return null;
}

function closedEarly(sockets: readonly WsSummary[]): string {
  const closed = sockets.find((s) => s.closed && s.closed.code !== 1000 && s.closed.code !== 1005);
  return closed ? ` socket ${closed.socket} was closed by the server (${closed.closed?.code} ${closed.closed?.reason}).` : '';
}

const find = (list: readonly WsMessage[], kind: WsMessage['kind'], after = -1) => list.find((m) => m.kind === kind && m.seq > after);

const offerThenAnswer: Check = {
  id: 'offer-answer-crossed',
  title: 'An offer, then an answer, crossed the sockets',
  verify(events) {
    const sockets = webSockets(events);
    const trouble = socketTrouble(sockets);
    if (trouble) return pending(trouble);
    const sent = wsMessages(events, 'sent');
    const received = wsMessages(events, 'received');
    const offer = find(received, 'offer');
    const answer = offer ? find(received, 'answer', offer.seq) : undefined;
    if (offer && answer) {
      return { status: 'passed', detail: `socket ${offer.socket} received the offer, then socket ${answer.socket} received the answer.` };
    }
    if (!offer) {
      const sentOffer = find(sent, 'offer');
      if (sentOffer) {
        return pending(`socket ${sentOffer.socket} sent the offer but no other socket received it: are both in the same room, and open before it was sent?${closedEarly(sockets)}`);
      }
      if (sent.some((m) => m.kind === 'other')) {
        return pending('Messages were sent, but none recognisably an offer: send JSON with the description inside, e.g. JSON.stringify({ description: pc.localDescription }).');
      }
      return pending('No offer has been sent yet: after setLocalDescription(), send the offer through the offering peer\'s socket.');
    }
    const sentAnswer = find(sent, 'answer', offer.seq);
    if (sentAnswer) return pending(`socket ${sentAnswer.socket} sent the answer, but it did not arrive at the other socket.${closedEarly(sockets)}`);
    return pending(`socket ${offer.socket} received the offer, but no answer was sent back: send the answer through that peer's own socket.`);
  },
};

const candidatesCrossed: Check = {
  id: 'candidates-crossed',
  title: 'ICE candidates crossed both ways',
  verify(events) {
    const trouble = socketTrouble(webSockets(events));
    if (trouble) return pending(trouble);
    const receivers = new Map<number, number>();
    for (const m of wsMessages(events, 'received')) {
      if (m.kind === 'candidate') receivers.set(m.socket, (receivers.get(m.socket) ?? 0) + 1);
    }
    const counts = [...receivers].map(([socket, n]) => `socket ${socket} received ${n}`).join(', ');
    if (receivers.size >= 2) return { status: 'passed', detail: `${counts}.` };
    if (receivers.size === 1) {
      return pending(`Only one way so far (${counts}): the other peer's onicecandidate must send its candidates through its own socket.`);
    }
    const sent = wsMessages(events, 'sent').filter((m) => m.kind === 'candidate');
    if (sent.length > 0) return pending(`socket ${sent[0]?.socket} sent candidates, but none arrived at the other socket.`);
    return pending('No candidate has crossed yet: in each peer\'s onicecandidate, send event.candidate through its socket.');
  },
};

const bothConnected: Check = {
  id: 'both-connected',
  title: 'Both peers are connected',
  verify(events: readonly PlaygroundEvent[]) {
    const pcs = peerConnections(events);
    if (pcs.length < 2) return pending(`${pcs.length === 0 ? 'No RTCPeerConnection yet' : 'Only one RTCPeerConnection'}: this lesson needs two, one per socket.`);
    const connected = pcs.filter((pc) => everReached(pc, 'connectionState', 'connected'));
    if (connected.length >= 2) return { status: 'passed', detail: `${connected.map((pc) => pc.label).join(' and ')} reached 'connected'.` };
    const waiting = pcs.find((pc) => !connected.includes(pc));
    const state = waiting?.states.signalingState === 'have-local-offer' ? ' and is still waiting for the answer' : '';
    return pending(`${waiting?.label} is '${waiting?.states.connectionState}'${state}.`);
  },
};

export default [offerThenAnswer, candidatesCrossed, bothConnected] satisfies Check[];
