// Capstone: a one-to-one call with chat and file transfer, between two tabs.
//
// Both tabs run this same code, each as one side of a pair. playground.pair
// says which side this tab is ('a' or 'b') and both PeerJS ids, so neither
// side has to be told the other's id: peer B dials peer A, A answers.
import { Peer } from 'peerjs';

const pair = playground.pair;
const localVideo = document.querySelector('#local');
const remoteVideo = document.querySelector('#remote');
const status = document.querySelector('#status');
const messageList = document.querySelector('#messages');
const fileList = document.querySelector('#files');

/** Files travel in chunks this big: well under every browser's maxMessageSize. */
const CHUNK = 16 * 1024;
/** Stop queueing chunks while the channel holds this much (lesson 08's flow control). */
const HIGH_WATER = 1024 * 1024;

let me = 'this peer';
let peer = null;
let stream = null;
/** The DataConnection to the other side, once it is open. */
let connection = null;
/** The file being received: its header plus the chunks so far. */
let incoming = null;

function say(text) {
  console.log(text);
  status.textContent = text;
}

function addLine(list, text) {
  const item = document.createElement('li');
  item.textContent = text;
  list.append(item);
  return item;
}

async function start() {
  if (!pair) throw new Error('playground.pair is null: open this lesson from its page, which gives each tab a side.');
  me = `peer ${pair.side.toUpperCase()}`;
  document.querySelector('#me').textContent = `(${me})`;

  stream = await navigator.mediaDevices.getUserMedia({ video: { width: { ideal: 640 } }, audio: true });
  localVideo.srcObject = stream;

  // A fixed id from the pair, so the other tab knows where to find this one.
  peer = new Peer(pair.myId);
  peer.on('open', (id) => {
    if (pair.side === 'b') {
      say(`I am ${me} (${id}): calling peer A.`);
      dial();
    } else {
      say(`I am ${me} (${id}). Waiting for peer B: open the other tab with the link above the editor and press Run there.`);
    }
  });
  peer.on('error', (error) => {
    if (error.type === 'peer-unavailable') {
      say('Peer A is not running yet: trying again in 2 seconds.');
      setTimeout(dial, 2000);
    } else if (error.type === 'unavailable-id') {
      console.error(`${me} is already running in another tab: press Stop there (or close it), then Run here again.`);
    } else {
      console.error(`PeerJS error (${error.type}): ${error.message}`);
    }
  });

  peer.on('connection', openChannel);
  peer.on('call', (call) => {
    say(`${call.peer} is calling: answering with my camera.`);
    call.answer(stream);
    showRemote(call);
  });
}

/** Peer B opens the data connection; the call follows once it is open. One caller means no two calls cross. */
function dial() {
  if (connection || peer.destroyed) return;
  // 'raw': strings and ArrayBuffers go onto the data channel as they are, so
  // chat is JSON text and file chunks are binary messages.
  openChannel(peer.connect(pair.otherId, { serialization: 'raw', reliable: true }));
}

function showRemote(call) {
  call.on('stream', (remoteStream) => {
    // PeerJS fires 'stream' once per track with the same stream: set it once.
    if (remoteVideo.srcObject === remoteStream) return;
    remoteVideo.srcObject = remoteStream;
    // autoplay alone pauses while the preview is scrolled out of view; play() keeps it going.
    remoteVideo.play().catch((error) => console.error(`The remote video cannot play: ${error.name}`));
  });
  call.on('close', () => say('The call ended.'));
}

function openChannel(conn) {
  conn.on('open', () => {
    connection = conn;
    say(`Connected to ${conn.peer}.`);
    if (pair.side === 'b') showRemote(peer.call(pair.otherId, stream));
    sendChat(`Hello from ${me}!`);
    sendFile(testFile()).catch((error) => console.error(`Sending the file failed: ${error.message}`));
  });
  conn.on('data', (data) => {
    receive(data).catch((error) => console.error(`A message could not be handled: ${error.message}`));
  });
  conn.on('close', () => {
    if (connection !== conn) return;
    connection = null;
    say('The other side left.');
    // The other tab may come back after a new Run: peer B dials again.
    if (pair.side === 'b') setTimeout(dial, 2000);
  });
}

// ---- chat and file messages ------------------------------------------------

function sendMessage(message) {
  if (!connection) throw new Error('not connected to the other side yet');
  connection.send(JSON.stringify(message));
}

function sendChat(text) {
  sendMessage({ type: 'chat', text });
  addLine(messageList, `me: ${text}`);
}

async function sha256Hex(bytes) {
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Resolves once the channel's queue has room again. */
function roomInQueue(channel) {
  if (channel.bufferedAmount < HIGH_WATER) return Promise.resolve();
  channel.bufferedAmountLowThreshold = HIGH_WATER / 4;
  return new Promise((resolve) => channel.addEventListener('bufferedamountlow', resolve, { once: true }));
}

async function sendFile(file) {
  const bytes = await file.arrayBuffer();
  const sha256 = await sha256Hex(bytes);
  // The header first (the hash and size before the name, so a long name never hides them).
  sendMessage({ type: 'file', sha256, size: bytes.byteLength, name: file.name });
  for (let offset = 0; offset < bytes.byteLength; offset += CHUNK) {
    await roomInQueue(connection.dataChannel);
    connection.send(bytes.slice(offset, offset + CHUNK));
  }
  addLine(fileList, `sent ${file.name} (${bytes.byteLength} bytes), waiting for the other side to check it`);
}

/** 256 KiB of random bytes, so a mix-up of two chunks cannot go unnoticed. */
function testFile() {
  const bytes = new Uint8Array(256 * 1024);
  // getRandomValues fills at most 64 KiB per call.
  for (let offset = 0; offset < bytes.length; offset += 65536) crypto.getRandomValues(bytes.subarray(offset, offset + 65536));
  return new File([bytes], `from-${pair.side}.bin`);
}

async function receive(data) {
  if (typeof data !== 'string') return receiveChunk(data);
  const message = JSON.parse(data);
  if (message.type === 'chat') {
    addLine(messageList, `them: ${message.text}`);
  } else if (message.type === 'file') {
    incoming = { ...message, chunks: [], received: 0 };
  } else if (message.type === 'ack') {
    const verdict = message.ok ? 'arrived intact' : 'arrived DAMAGED';
    addLine(fileList, `${message.name} ${verdict} (SHA-256 ${message.sha256.slice(0, 12)}…)`);
  }
}

async function receiveChunk(chunk) {
  if (!incoming) return console.warn('A chunk arrived without a file header: ignored.');
  incoming.chunks.push(chunk);
  incoming.received += chunk.byteLength;
  if (incoming.received < incoming.size) return;
  const file = incoming;
  incoming = null;
  const blob = new Blob(file.chunks);
  const sha256 = await sha256Hex(await blob.arrayBuffer());
  const ok = sha256 === file.sha256;
  // Tell the sender what arrived: the hash of the bytes as received.
  sendMessage({ type: 'ack', sha256, ok, name: file.name });
  const item = addLine(fileList, `received ${file.name} (${file.received} bytes), ${ok ? 'SHA-256 matches' : 'SHA-256 DIFFERS'}: `);
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = file.name;
  link.textContent = 'save';
  item.append(link);
}

// ---- the page's own controls --------------------------------------------------

document.querySelector('#chat').addEventListener('submit', (event) => {
  event.preventDefault();
  const input = document.querySelector('#text');
  if (input.value.trim() === '') return;
  try {
    sendChat(input.value);
    input.value = '';
  } catch (error) {
    say(`Not sent: ${error.message}.`);
  }
});

document.querySelector('#pick').addEventListener('change', (event) => {
  const [file] = event.target.files;
  if (!file) return;
  if (!connection) return say('Not connected yet: the file was not sent.');
  sendFile(file).catch((error) => console.error(`Sending ${file.name} failed: ${error.message}`));
});

document.querySelector('#unmute').addEventListener('click', () => {
  // A click is the gesture browsers want before sound may play.
  remoteVideo.muted = false;
});

start().catch((error) => console.error(`Could not start: ${error.name}: ${error.message}`));
