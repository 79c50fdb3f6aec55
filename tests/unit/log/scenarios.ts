/**
 * Whole runs, step by step, as the runtime records them: the shared material
 * of the reducer tests and the lesson-check tests. Each step can be left out
 * to make the log of a learner who has not written that part yet.
 */
import type { PlaygroundEvent } from '../../../sandbox/log/events.ts';
import { ANSWER_SDP, LogBuilder, OFFER_SDP, hostCandidate, json } from './builder.ts';

export interface TwoPeersOptions {
  /** createAnswer → setLocalDescription on pc 2 → setRemoteDescription on pc 1. */
  answer?: boolean;
  /** pc 1's candidates handed to pc 2. */
  candidatesToRemote?: boolean;
  /** pc 2's candidates handed to pc 1. */
  candidatesToLocal?: boolean;
  /** The text pc 1 sends once the channel opens; null sends nothing. */
  send?: string | null;
  /** The text pc 2 receives (defaults to what was sent). */
  receive?: string | null;
}

/** Lesson 02: two RTCPeerConnections in one page, wired by hand, a data channel, a message. */
export function twoPeersInOnePage(options: TwoPeersOptions = {}): PlaygroundEvent[] {
  const { answer = true, candidatesToRemote = true, candidatesToLocal = true, send = 'Hello, peer!' } = options;
  const receive = options.receive === undefined ? send : options.receive;
  const log = new LogBuilder().started().pc(1).pc(2);
  log.call(1, 'createDataChannel', ['chat']).channel(1, 1, 'local');
  log.state(1, 'signalingState', 'stable');
  log.call(1, 'createOffer', [], { value: { type: 'offer', sdp: OFFER_SDP } });
  log.call(1, 'setLocalDescription', [{ type: 'offer', sdp: OFFER_SDP }]).state(1, 'signalingState', 'have-local-offer');
  log.state(1, 'iceGatheringState', 'gathering');
  log.call(2, 'setRemoteDescription', [{ type: 'offer', sdp: OFFER_SDP }]).state(2, 'signalingState', 'have-remote-offer');
  log.log('pc 2 has the offer');
  log.gathered(1, hostCandidate(50000));
  if (candidatesToRemote) log.call(2, 'addIceCandidate', [json(hostCandidate(50000))]);
  log.gathered(1, null).state(1, 'iceGatheringState', 'complete');
  if (!answer) return log.log('waiting for an answer').events;

  log.call(2, 'createAnswer', [], { value: { type: 'answer', sdp: ANSWER_SDP } });
  log.call(2, 'setLocalDescription', [{ type: 'answer', sdp: ANSWER_SDP }]).state(2, 'signalingState', 'stable');
  log.call(1, 'setRemoteDescription', [{ type: 'answer', sdp: ANSWER_SDP }]).state(1, 'signalingState', 'stable');
  log.state(2, 'iceGatheringState', 'gathering').gathered(2, hostCandidate(50001, 'wxyz'));
  if (candidatesToLocal) log.call(1, 'addIceCandidate', [json(hostCandidate(50001, 'wxyz'))]);
  log.gathered(2, null).state(2, 'iceGatheringState', 'complete');
  if (!candidatesToRemote && !candidatesToLocal) {
    // Nobody learnt an address: ICE never gets anywhere.
    return log.state(1, 'iceConnectionState', 'checking').state(1, 'connectionState', 'connecting').events;
  }
  for (const pc of [1, 2]) log.state(pc, 'iceConnectionState', 'checking').state(pc, 'connectionState', 'connecting');
  for (const pc of [1, 2]) log.state(pc, 'iceConnectionState', 'connected').state(pc, 'connectionState', 'connected');
  log.channel(2, 2, 'remote').dcState(1, 1, 'open').dcState(2, 2, 'open');
  if (send === null) return log.events;
  log.message(1, 1, 'sent', send);
  if (receive !== null) log.message(2, 2, 'received', receive).log(`pc 2 received: ${receive}`);
  return log.events;
}

export interface PeerJsOptions {
  /** How many Peers the page creates (0–2). */
  peers?: number;
  /** Whether those Peers reach the signaller and open. */
  open?: boolean;
  /** peer 2 calls connect(peer 1's id). */
  connect?: boolean;
  /** Messages peer 2 sends once its connection opens, and peer 1 sends back. */
  greet?: boolean;
  reply?: boolean;
  /** PeerJS's default serialization is binary: no previews. */
  binary?: boolean;
}

export const ALICE = '3f7c1a52-9a7e-4a3b-8f6e-1d2c3b4a5f60';
export const BOB = 'b0b5e2d1-4c3b-4a29-9e8f-7a6b5c4d3e21';
const CONNECTION = 'dc_k3j5h2g8f1';

/** Lesson 05: two PeerJS Peers in one page through the playground's signaller. */
export function peerJsPair(options: PeerJsOptions = {}): PlaygroundEvent[] {
  const { peers = 2, open = true, connect = true, greet = true, reply = true, binary = true } = options;
  const log = new LogBuilder().started();
  const ids = [ALICE, BOB];
  for (let peer = 1; peer <= peers; peer++) log.push({ type: 'peerjs.peer', peer, event: 'created', options: { host: '127.0.0.1', port: 4322, path: '/peerjs' } });
  if (!open) {
    for (let peer = 1; peer <= peers; peer++) {
      log.push({ type: 'peerjs.peer', peer, event: 'error', error: { type: 'network', message: 'Lost connection to server.' } });
    }
    return log.events;
  }
  for (let peer = 1; peer <= peers; peer++) {
    const id = ids[peer - 1]!;
    log.push({ type: 'peerjs.signal', peer, direction: 'in', messageType: 'OPEN', payload: null });
    log.push({ type: 'peerjs.peer', peer, event: 'open', id }).log(`peer ${peer} is open with id ${id}`);
  }
  if (peers < 2 || !connect) return log.events;

  // Bob (peer 2) connects to Alice (peer 1): the connecting side makes the pc and the channel.
  log.push({ type: 'peerjs.connection', peer: 2, kind: 'data', connectionId: CONNECTION, remoteId: ALICE, event: 'created' });
  log.pc(1).push({ type: 'peerjs.connection', peer: 2, kind: 'data', connectionId: CONNECTION, remoteId: ALICE, event: 'created', pc: 1 });
  log.call(1, 'createDataChannel', [CONNECTION]).channel(1, 1, 'local', CONNECTION);
  log.call(1, 'createOffer', [], { value: { type: 'offer', sdp: OFFER_SDP } });
  log.call(1, 'setLocalDescription', [{ type: 'offer', sdp: OFFER_SDP }]).state(1, 'signalingState', 'have-local-offer');
  log.push({ type: 'peerjs.signal', peer: 2, direction: 'out', messageType: 'OFFER', dst: ALICE, connectionId: CONNECTION, payload: { type: 'data' } });
  log.push({ type: 'peerjs.signal', peer: 1, direction: 'in', messageType: 'OFFER', src: BOB, connectionId: CONNECTION, payload: { type: 'data' } });
  log.push({ type: 'peerjs.connection', peer: 1, kind: 'data', connectionId: CONNECTION, remoteId: BOB, event: 'created' });
  log.pc(2).push({ type: 'peerjs.connection', peer: 1, kind: 'data', connectionId: CONNECTION, remoteId: BOB, event: 'created', pc: 2 });
  log.call(2, 'setRemoteDescription', [{ type: 'offer', sdp: OFFER_SDP }]).state(2, 'signalingState', 'have-remote-offer');
  log.call(2, 'createAnswer', [], { value: { type: 'answer', sdp: ANSWER_SDP } });
  log.call(2, 'setLocalDescription', [{ type: 'answer', sdp: ANSWER_SDP }]).state(2, 'signalingState', 'stable');
  log.push({ type: 'peerjs.signal', peer: 1, direction: 'out', messageType: 'ANSWER', dst: BOB, connectionId: CONNECTION, payload: { type: 'data' } });
  log.push({ type: 'peerjs.signal', peer: 2, direction: 'in', messageType: 'ANSWER', src: ALICE, connectionId: CONNECTION, payload: { type: 'data' } });
  log.call(1, 'setRemoteDescription', [{ type: 'answer', sdp: ANSWER_SDP }]).state(1, 'signalingState', 'stable');
  log.gathered(1, hostCandidate(50000));
  log.push({ type: 'peerjs.signal', peer: 2, direction: 'out', messageType: 'CANDIDATE', dst: ALICE, connectionId: CONNECTION, payload: { type: 'data' } });
  log.push({ type: 'peerjs.signal', peer: 1, direction: 'in', messageType: 'CANDIDATE', src: BOB, connectionId: CONNECTION, payload: { type: 'data' } });
  log.call(2, 'addIceCandidate', [json(hostCandidate(50000))]);
  for (const pc of [1, 2]) log.state(pc, 'connectionState', 'connecting').state(pc, 'connectionState', 'connected');
  log.channel(2, 2, 'remote', CONNECTION).dcState(1, 1, 'open').dcState(2, 2, 'open');
  log.push({ type: 'peerjs.connection', peer: 2, kind: 'data', connectionId: CONNECTION, remoteId: ALICE, event: 'open', pc: 1 });
  log.push({ type: 'peerjs.connection', peer: 1, kind: 'data', connectionId: CONNECTION, remoteId: BOB, event: 'open', pc: 2 });
  const text = (s: string) => (binary ? null : s);
  if (greet) log.message(1, 1, 'sent', text('hi Alice'), 24).message(2, 2, 'received', text('hi Alice'), 24);
  if (reply) log.message(2, 2, 'sent', text('hi Bob'), 22).message(1, 1, 'received', text('hi Bob'), 22);
  return log.events;
}
