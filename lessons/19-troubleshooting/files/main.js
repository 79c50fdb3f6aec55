// Troubleshooting: nine small cases, each a mistake learners make all the time.
//
// Run it. Each case logs what it tried and what went wrong. Then open the
// Inspector's Doctor tab: it names every mistake and says what to change.
// Fix the cases one at a time (each is a function below) and run again; the
// Checks panel has one check per case. To work on one case alone, put its
// name in ONLY, e.g. const ONLY = ['order'];
import { Peer } from 'peerjs';
import { channelPair, connected, exchange, gathered, opened, peerOpen, playing, trickle, within } from './helpers.js';

const ONLY = [];

// --- 1. Candidates before the description -------------------------------------------------
// The offer goes through a slow server (200 ms); candidates are sent the moment they appear.
async function order() {
  const caller = new RTCPeerConnection();
  const callee = new RTCPeerConnection();
  caller.createDataChannel('order');
  caller.onicecandidate = ({ candidate }) => {
    if (!candidate) return;
    callee.addIceCandidate(candidate).catch((error) => console.warn(`[order] callee refused a candidate: ${error.message}`));
  };
  callee.onicecandidate = ({ candidate }) => candidate && caller.addIceCandidate(candidate);

  const offer = await caller.createOffer();
  await caller.setLocalDescription(offer);
  await new Promise((resolve) => setTimeout(resolve, 200)); // the slow signalling server
  await callee.setRemoteDescription(offer);
  await callee.setLocalDescription(await callee.createAnswer());
  await caller.setRemoteDescription(callee.localDescription);
  await connected(caller);
  return 'connected';
}

// --- 2. Nothing to negotiate ---------------------------------------------------------------
// The chat channel is opened once the peers are connected. They never are.
async function noMedia() {
  const a = new RTCPeerConnection();
  const b = new RTCPeerConnection();
  trickle(a, b);
  await exchange(a, b);
  console.log(`[no-media] a's offer has ${a.localDescription.sdp.split('\nm=').length - 1} m= sections`);
  await connected(a);
  const chat = a.createDataChannel('chat');
  await opened(chat);
  return 'connected, chat open';
}

// --- 3. The answer goes to the wrong peer -----------------------------------------------------
// Complete descriptions (candidates inside), no trickling.
async function wrongPeer() {
  const alice = new RTCPeerConnection();
  const bob = new RTCPeerConnection();
  alice.createDataChannel('hello');
  await alice.setLocalDescription(await alice.createOffer());
  await gathered(alice);
  await bob.setRemoteDescription(alice.localDescription);
  await bob.setLocalDescription(await bob.createAnswer());
  await gathered(bob);
  await bob.setRemoteDescription(bob.localDescription);
  await connected(alice);
  return 'connected';
}

// --- 4. TURN with the password from an old config file -------------------------------------
async function turnPassword() {
  const turn = playground.iceServers.find((server) => [].concat(server.urls).some((url) => url.startsWith('turn:')));
  if (!turn) throw new Error('playground.iceServers has no TURN server: coturn is not installed (sudo apt-get install -y coturn, then restart npm start).');
  const iceServers = [{ urls: turn.urls, username: turn.username, credential: 'password-from-2019' }];
  const a = new RTCPeerConnection({ iceServers, iceTransportPolicy: 'relay' });
  const b = new RTCPeerConnection({ iceServers, iceTransportPolicy: 'relay' });
  a.onicecandidateerror = (event) => console.warn(`[turn] ${event.url}: ${event.errorCode} ${event.errorText}`);
  trickle(a, b);
  a.createDataChannel('relayed');
  await exchange(a, b);
  await connected(a, 5000);
  return 'connected through the TURN relay';
}

// --- 5. A photo in one message -------------------------------------------------------------
async function bigMessage() {
  const photo = new Uint8Array(1024 * 1024).map((_, i) => i % 251);
  const { channel, received } = await channelPair('photo');
  channel.send(photo);
  await received(photo.byteLength, 5000);
  return `${photo.byteLength} bytes arrived`;
}

// --- 6. A video file, as fast as the loop goes -------------------------------------------------
async function flood() {
  const file = new Uint8Array(20 * 1024 * 1024);
  const CHUNK = 64 * 1024;
  const { channel, received } = await channelPair('file');
  const chunks = [];
  for (let offset = 0; offset < file.byteLength; offset += CHUNK) chunks.push(file.subarray(offset, offset + CHUNK));
  chunks.forEach((chunk) => channel.send(chunk));
  await received(file.byteLength, 15000);
  return `${file.byteLength} bytes arrived`;
}

// --- 7. Calling a PeerJS id -----------------------------------------------------------------
async function peerUnavailable() {
  const host = new Peer();
  const guest = new Peer();
  const greeted = new Promise((resolve) => host.on('connection', (conn) => conn.on('data', resolve)));
  const hostId = await peerOpen(host);
  await peerOpen(guest);
  console.log(`[peerjs] host's id is ${hostId}`);
  const conn = guest.connect('host');
  await within(new Promise((resolve, reject) => (conn.on('open', () => resolve()), guest.on('error', reject))), 8000, 'the data connection opening');
  conn.send('hello host');
  await within(greeted, 3000, 'the greeting arriving');
  return 'hello crossed';
}

// --- 8. Code from an old tutorial ---------------------------------------------------------------
async function staleApis(stream) {
  const stun = playground.iceServers.flatMap((server) => [].concat(server.urls)).find((url) => url.startsWith('stun:'));
  const a = new RTCPeerConnection({ iceServers: stun ? [{ url: stun }] : [] });
  const b = new RTCPeerConnection();
  trickle(a, b);
  const arrived = new Promise((resolve) => (b.onaddstream = (event) => resolve(event.stream)));
  a.addStream(stream);
  const offer = await a.createOffer({ offerToReceiveAudio: true, offerToReceiveVideo: true });
  await a.setLocalDescription(offer);
  await b.setRemoteDescription(offer);
  await b.setLocalDescription(await b.createAnswer());
  await a.setRemoteDescription(b.localDescription);
  const remote = await within(arrived, 3000, 'the remote stream arriving');
  await connected(a);
  return `received ${remote.getTracks().length} tracks`;
}

// --- 9. The preview of yourself -------------------------------------------------------------------
async function echo(stream) {
  const preview = document.querySelector('#preview');
  preview.srcObject = stream;
  preview.play().catch((error) => console.warn(`[echo] play() refused: ${error.name}`));
  await playing(preview);
  return `the preview plays (muted: ${preview.muted})`;
}

// --- Run them one after the other ---------------------------------------------------------------
const stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: true }).catch((error) => {
  console.error(`Cases 8 and 9 need the camera and microphone: ${error.name}`);
  return null;
});
const CASES = [
  { name: 'order', run: order },
  { name: 'no-media', run: noMedia },
  { name: 'wrong-peer', run: wrongPeer },
  { name: 'turn', run: turnPassword },
  { name: 'big-message', run: bigMessage },
  { name: 'flood', run: flood },
  { name: 'peerjs', run: peerUnavailable },
  { name: 'stale-apis', run: () => staleApis(stream) },
  { name: 'echo', run: () => echo(stream) },
];
const list = document.querySelector('#cases');
for (const { name, run } of CASES) {
  if (ONLY.length && !ONLY.includes(name)) continue;
  // Tells the checks which connections and events belong to which case.
  playground.report('case', name);
  const row = list.appendChild(document.createElement('li'));
  row.textContent = `${name}: running…`;
  try {
    const outcome = await run();
    row.textContent = `${name}: ${outcome}`;
    console.log(`✓ [${name}] ${outcome}`);
  } catch (error) {
    row.textContent = `${name}: ${error.message}`;
    console.error(`✗ [${name}] ${error.name}: ${error.message}`);
  }
}
setTimeout(() => stream?.getTracks().forEach((track) => track.stop()), 1000);
console.log('All cases ran. Open the Inspector → Doctor tab.');
