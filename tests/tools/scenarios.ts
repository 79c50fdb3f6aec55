/**
 * The programs capture-fixtures.ts runs in the real workspace to record the
 * inspector's fixtures. Each is a main.js a learner could have written (two
 * RTCPeerConnections in one page unless noted); each ends by logging "DONE",
 * which is how the tool knows the log is complete. A scenario that goes wrong
 * still logs DONE after saying why, so the tool can report it instead of hanging.
 */
import { MODULE_PAGE } from '../e2e/support/workspace.ts';

export interface TurnServer {
  /** e.g. "turn:127.0.0.1:3479?transport=udp" */
  url: string;
  username: string;
  credential: string;
  /** A TURN url where nothing listens, for the "unreachable" diagnosis. */
  deadUrl: string;
}

export interface Scenario {
  name: string;
  /** One line for the fixtures README. */
  about: string;
  /** How long the tool waits for DONE. */
  timeoutMs: number;
  files(turn: TurnServer): Record<string, string>;
}

/** Small helpers every scenario shares, written as a learner would. */
const PRELUDE = `
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Hand each candidate straight to the other connection (trickle ICE in one page).
function trickle(from, to) {
  from.addEventListener('icecandidate', (event) => {
    if (event.candidate) to.addIceCandidate(event.candidate).catch((error) => console.error('addIceCandidate:', error.message));
  });
}

// Two connections in this page, each handing its candidates to the other.
function trickledPair(configuration = {}) {
  const pc1 = new RTCPeerConnection(configuration);
  const pc2 = new RTCPeerConnection(configuration);
  trickle(pc1, pc2);
  trickle(pc2, pc1);
  return [pc1, pc2];
}

async function negotiate(offerer, answerer) {
  const offer = await offerer.createOffer();
  await offerer.setLocalDescription(offer);
  await answerer.setRemoteDescription(offer);
  const answer = await answerer.createAnswer();
  await answerer.setLocalDescription(answer);
  await offerer.setRemoteDescription(answer);
}

function until(target, type, test, timeoutMs = 10000) {
  return new Promise((resolve, reject) => {
    if (test()) return resolve();
    const timer = setTimeout(() => reject(new Error('timed out waiting for ' + type)), timeoutMs);
    target.addEventListener(type, () => {
      if (test()) { clearTimeout(timer); resolve(); }
    });
  });
}
const gathered = (pc) => until(pc, 'icegatheringstatechange', () => pc.iceGatheringState === 'complete');
const connected = (pc) => until(pc, 'connectionstatechange', () => pc.connectionState === 'connected');

// No trickle: each side sends its description once gathering is complete, so it carries the candidates.
async function negotiateWithCandidates(offerer, answerer) {
  await offerer.setLocalDescription(await offerer.createOffer());
  await gathered(offerer);
  await answerer.setRemoteDescription(offerer.localDescription);
  await answerer.setLocalDescription(await answerer.createAnswer());
  await gathered(answerer);
  await offerer.setRemoteDescription(answerer.localDescription);
}

// Stay connected a little so the runtime takes a few getStats() snapshots, then say so.
async function done(ms = 2500) {
  await sleep(ms);
  console.log('DONE');
}

function scenario(body) {
  body().catch((error) => {
    console.error('scenario failed:', error.name, error.message);
    console.log('DONE');
  });
}
`;

function program(body: string): Record<string, string> {
  return { 'index.html': MODULE_PAGE, 'main.js': `${PRELUDE}\nscenario(async () => {\n${body.trim()}\n});\n` };
}

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
const opened = (peer) => new Promise((resolve, reject) => {
  peer.on('open', resolve);
  peer.on('error', reject);
});
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
const opened = (peer) => new Promise((resolve, reject) => {
  peer.on('open', resolve);
  peer.on('error', reject);
});
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
