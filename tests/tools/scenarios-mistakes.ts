/**
 * Scenarios that make one classic mistake each, recorded so the Doctor's
 * rules are tested over what Chromium really did (tests/unit/inspector/doctor).
 */
import { program, type Scenario } from './scenario-program.ts';

export const MISTAKES: Scenario[] = [
  {
    name: 'mistake-candidate-before-remote',
    about: "doctor: pc 2 is given pc 1's candidates before it has pc 1's offer (addIceCandidate before setRemoteDescription fails)",
    timeoutMs: 25_000,
    files: () =>
      program(`
const pc1 = new RTCPeerConnection();
const pc2 = new RTCPeerConnection();
// The mistake: candidates go to pc2 at once, but pc2 gets the offer only later.
trickle(pc1, pc2);
trickle(pc2, pc1);
pc1.createDataChannel('chat');
const offer = await pc1.createOffer();
await pc1.setLocalDescription(offer);
await gathered(pc1);
await pc2.setRemoteDescription(offer);
const answer = await pc2.createAnswer();
await pc2.setLocalDescription(answer);
await pc1.setRemoteDescription(answer);
await sleep(3000);
console.log('pc1 is', pc1.connectionState);
await done(500);
`),
  },
  {
    name: 'mistake-no-m-line',
    about: 'doctor: an offer made before any track or data channel was added, so it has no m-line and no candidate is ever gathered',
    timeoutMs: 20_000,
    files: () =>
      program(`
const [pc1, pc2] = trickledPair();
await negotiate(pc1, pc2);
await sleep(3000);
console.log('pc1 gathering is', pc1.iceGatheringState, 'and the connection is', pc1.connectionState);
await done(500);
`),
  },
  {
    name: 'mistake-deprecated',
    about: 'doctor: deprecated APIs (iceServers[].url, offerToReceiveAudio/Video, onaddstream) in an otherwise working call',
    timeoutMs: 25_000,
    files: () =>
      program(`
try {
  // Old tutorials wrote "url"; browsers now require "urls" and refuse the configuration.
  new RTCPeerConnection({ iceServers: [{ url: 'stun:127.0.0.1:3999' }] });
} catch (error) {
  console.error('new RTCPeerConnection:', error.name, error.message);
}
const [pc1, pc2] = trickledPair();
pc2.onaddstream = (event) => console.log('onaddstream fired with', event.stream.id);
const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
pc1.addTrack(stream.getAudioTracks()[0], stream);
const offer = await pc1.createOffer({ offerToReceiveAudio: true, offerToReceiveVideo: true });
await pc1.setLocalDescription(offer);
await pc2.setRemoteDescription(offer);
const answer = await pc2.createAnswer();
await pc2.setLocalDescription(answer);
await pc1.setRemoteDescription(answer);
await connected(pc1);
await done(1500);
`),
  },
  {
    name: 'mistake-local-remote-mixup',
    about: "doctor: the offerer applies the other peer's answer with setLocalDescription instead of setRemoteDescription",
    timeoutMs: 20_000,
    files: () =>
      program(`
const [pc1, pc2] = trickledPair();
pc1.createDataChannel('chat');
const offer = await pc1.createOffer();
await pc1.setLocalDescription(offer);
await pc2.setRemoteDescription(offer);
const answer = await pc2.createAnswer();
await pc2.setLocalDescription(answer);
try {
  // The mistake: the answer came from pc2, so for pc1 it is a remote description.
  await pc1.setLocalDescription(answer);
} catch (error) {
  console.error('pc1.setLocalDescription(answer):', error.name, error.message);
}
await sleep(2000);
console.log('pc1 is', pc1.signalingState, pc1.connectionState);
await done(500);
`),
  },
  {
    name: 'mistake-offer-before-local',
    about: 'doctor: the offer goes to the other peer, but the offerer never applies it with setLocalDescription, so it gathers no candidates',
    timeoutMs: 20_000,
    files: () =>
      program(`
const [pc1, pc2] = trickledPair();
pc1.createDataChannel('chat');
const offer = await pc1.createOffer();
// The mistake: the offer is sent before (here: instead of) pc1.setLocalDescription(offer).
await pc2.setRemoteDescription(offer);
const answer = await pc2.createAnswer();
await pc2.setLocalDescription(answer);
try {
  await pc1.setRemoteDescription(answer);
} catch (error) {
  console.error('pc1.setRemoteDescription(answer):', error.name, error.message);
}
await sleep(3000);
console.log('pc1 is', pc1.signalingState, pc1.iceGatheringState, pc1.connectionState);
await done(500);
`),
  },
  {
    name: 'mistake-peerjs-send-before-open',
    about: "doctor: a PeerJS DataConnection's send() called right after connect(), before its open event",
    timeoutMs: 25_000,
    files: () =>
      program(`
const { Peer } = await import('peerjs');
const alice = new Peer();
const bob = new Peer();
alice.on('connection', (connection) => {
  connection.on('data', (data) => console.log('Alice got:', data));
});
const [aliceId] = await Promise.all([opened(alice), opened(bob)]);
const connection = bob.connect(aliceId);
// The mistake: the connection is not open yet, so PeerJS drops this message.
connection.send('Hello Alice, this is Bob.');
await new Promise((resolve) => connection.on('open', resolve));
await sleep(1500);
await done();
`),
  },
];
