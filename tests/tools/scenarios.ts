/**
 * The healthy scenarios capture-fixtures.ts records (calls, media, relays,
 * PeerJS), followed by the mistakes the Doctor must name (scenarios-mistakes.ts).
 */
import { MISTAKES } from './scenarios-mistakes.ts';
import { program, type Scenario } from './scenario-program.ts';

export type { Scenario, TurnServer } from './scenario-program.ts';

export const SCENARIOS: Scenario[] = [
  {
    name: 'audio-video',
    about: 'both peers send fake-camera audio and video (getUserMedia), trickle ICE; pc 2 plays what it receives',
    timeoutMs: 25_000,
    files: () =>
      program(`
const [pc1, pc2] = trickledPair();
const video = document.createElement('video');
video.id = 'remote';
video.muted = true;
video.autoplay = true;
video.playsInline = true;
document.body.append(video);
pc2.addEventListener('track', (event) => { video.srcObject = event.streams[0]; });
const mine = await navigator.mediaDevices.getUserMedia({ audio: true, video: { width: 320, height: 240 } });
const theirs = await navigator.mediaDevices.getUserMedia({ audio: true, video: { width: 320, height: 240 } });
for (const track of mine.getTracks()) pc1.addTrack(track, mine);
for (const track of theirs.getTracks()) pc2.addTrack(track, theirs);
await negotiate(pc1, pc2);
await Promise.all([connected(pc1), connected(pc2)]);
await done(3500);
`),
  },
  {
    name: 'data-only',
    about: 'one data channel, no media; descriptions exchanged after gathering completes, so they carry a=candidate lines',
    timeoutMs: 20_000,
    files: () =>
      program(`
const pc1 = new RTCPeerConnection();
const pc2 = new RTCPeerConnection();
const channel = pc1.createDataChannel('chat');
pc2.addEventListener('datachannel', (event) => {
  event.channel.addEventListener('message', (message) => event.channel.send('echo: ' + message.data));
});
const echoed = new Promise((resolve) => channel.addEventListener('message', resolve));
channel.addEventListener('open', () => channel.send('hello'));
await negotiateWithCandidates(pc1, pc2);
await connected(pc1);
await echoed;
await done();
`),
  },
  {
    name: 'simulcast',
    about: 'one video track sent as three simulcast layers (addTransceiver with sendEncodings rids q, h, f)',
    timeoutMs: 25_000,
    files: () =>
      program(`
const [pc1, pc2] = trickledPair();
const stream = await navigator.mediaDevices.getUserMedia({ video: { width: 1280, height: 720 } });
pc1.addTransceiver(stream.getVideoTracks()[0], {
  direction: 'sendonly',
  streams: [stream],
  sendEncodings: [
    { rid: 'q', scaleResolutionDownBy: 4, maxBitrate: 150000 },
    { rid: 'h', scaleResolutionDownBy: 2, maxBitrate: 500000 },
    { rid: 'f', maxBitrate: 1500000 },
  ],
});
await negotiate(pc1, pc2);
await Promise.all([connected(pc1), connected(pc2)]);
await done(3500);
`),
  },
  {
    name: 'relay',
    about: "relay-only (iceTransportPolicy 'relay') through a local coturn; descriptions sent after gathering, so they carry relay candidates",
    timeoutMs: 25_000,
    files: (turn) =>
      program(`
const configuration = {
  iceTransportPolicy: 'relay',
  iceServers: [{ urls: ${JSON.stringify(turn.url)}, username: ${JSON.stringify(turn.username)}, credential: ${JSON.stringify(turn.credential)} }],
};
const pc1 = new RTCPeerConnection(configuration);
const pc2 = new RTCPeerConnection(configuration);
const channel = pc1.createDataChannel('relayed');
const received = new Promise((resolve) => {
  pc2.addEventListener('datachannel', (event) => event.channel.addEventListener('message', resolve));
});
channel.addEventListener('open', () => channel.send('through the TURN server'));
await negotiateWithCandidates(pc1, pc2);
await connected(pc1);
await received;
await done();
`),
  },
  {
    name: 'renegotiation',
    about: 'audio first; once connected, a video track is added and the peers negotiate again',
    timeoutMs: 25_000,
    files: () =>
      program(`
const [pc1, pc2] = trickledPair();
const stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: { width: 320, height: 240 } });
pc1.addTrack(stream.getAudioTracks()[0], stream);
await negotiate(pc1, pc2);
await connected(pc1);
const gotVideo = new Promise((resolve) => {
  pc2.addEventListener('track', (event) => { if (event.track.kind === 'video') resolve(); });
});
pc1.addTrack(stream.getVideoTracks()[0], stream);
await negotiate(pc1, pc2);
await gotVideo;
await done();
`),
  },
  {
    name: 'ice-restart',
    about: 'a connected data channel, then pc1.restartIce() and a new offer/answer (new ufrag and pwd)',
    timeoutMs: 25_000,
    files: () =>
      program(`
const [pc1, pc2] = trickledPair();
const channel = pc1.createDataChannel('chat');
await negotiate(pc1, pc2);
await connected(pc1);
await sleep(1500);
pc1.restartIce();
await negotiate(pc1, pc2);
await sleep(1500);
await connected(pc1);
channel.send('still here after the restart');
await done();
`),
  },
  {
    name: 'turn-401',
    about: 'one connection whose TURN server is given the wrong password: icecandidateerror 401',
    timeoutMs: 25_000,
    files: (turn) =>
      program(`
const pc = new RTCPeerConnection({
  iceServers: [{ urls: ${JSON.stringify(turn.url)}, username: ${JSON.stringify(turn.username)}, credential: 'not-the-password' }],
});
const failed = new Promise((resolve) => pc.addEventListener('icecandidateerror', resolve));
pc.createDataChannel('chat');
await pc.setLocalDescription(await pc.createOffer());
const error = await Promise.race([failed, gathered(pc).then(() => null)]);
console.log('icecandidateerror:', error ? error.errorCode + ' ' + error.errorText : 'none');
await done(500);
`),
  },
  {
    name: 'turn-unreachable',
    about: 'one connection whose TURN server does not answer (nothing listens on its port): icecandidateerror 701',
    timeoutMs: 60_000,
    files: (turn) =>
      program(`
const pc = new RTCPeerConnection({
  iceServers: [{ urls: ${JSON.stringify(turn.deadUrl)}, username: ${JSON.stringify(turn.username)}, credential: ${JSON.stringify(turn.credential)} }],
});
const failed = new Promise((resolve) => pc.addEventListener('icecandidateerror', resolve));
pc.createDataChannel('chat');
await pc.setLocalDescription(await pc.createOffer());
const error = await Promise.race([failed, until(pc, 'icegatheringstatechange', () => pc.iceGatheringState === 'complete', 50000).then(() => null)]);
console.log('icecandidateerror:', error ? error.errorCode + ' ' + error.errorText : 'none');
await done(500);
`),
  },
  {
    name: 'peerjs-data',
    about: "two PeerJS peers in one page exchange a message through the playground's signaller (as in lesson 05)",
    timeoutMs: 25_000,
    files: () =>
      program(`
const { Peer } = await import('peerjs');
const alice = new Peer();
const bob = new Peer();
alice.on('connection', (connection) => {
  connection.on('data', (data) => connection.send('Alice got: ' + data));
});
const [aliceId] = await Promise.all([opened(alice), opened(bob)]);
const connection = bob.connect(aliceId);
const answered = new Promise((resolve) => connection.on('data', resolve));
connection.on('open', () => connection.send('Hello Alice, this is Bob.'));
console.log('Bob received:', await answered);
await done();
`),
  },
  ...MISTAKES,
];
