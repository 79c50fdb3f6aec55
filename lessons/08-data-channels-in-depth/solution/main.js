// Data channels in depth: send a file in chunks, with flow control and a hash check.

const FILE_SIZE = 4 * 1024 * 1024; // 4 MiB of random bytes
const HIGH_WATER = 1024 * 1024; // never queue more than 1 MiB in the channel
const LOW_WATER = 256 * 1024; // resume sending when the queue drains below this

const sentBar = document.querySelector('#sent');
const receivedBar = document.querySelector('#received');

// --- Two peers in one page, as in lesson 2 -----------------------------------

const pc1 = new RTCPeerConnection();
const pc2 = new RTCPeerConnection();
pc1.onicecandidate = ({ candidate }) => candidate && pc2.addIceCandidate(candidate);
pc2.onicecandidate = ({ candidate }) => candidate && pc1.addIceCandidate(candidate);

// Negotiated channels: both sides create the channel with the same id, no datachannel event needed.
// 'file' is ordered and reliable (the defaults): every byte arrives, in order.
const sendChannel = pc1.createDataChannel('file', { negotiated: true, id: 1 });
const receiveChannel = pc2.createDataChannel('file', { negotiated: true, id: 1 });
sendChannel.binaryType = receiveChannel.binaryType = 'arraybuffer';

// 'progress' is unordered and unreliable: a lost or late update does not matter, the next one replaces it.
const progressOut = pc2.createDataChannel('progress', { negotiated: true, id: 2, ordered: false, maxRetransmits: 0 });
const progressIn = pc1.createDataChannel('progress', { negotiated: true, id: 2, ordered: false, maxRetransmits: 0 });
progressIn.onmessage = ({ data }) => (receivedBar.value = Number(data));

// --- The file ---------------------------------------------------------------------

function randomFile(size) {
  const bytes = new Uint8Array(size);
  // getRandomValues fills at most 65536 bytes per call.
  for (let offset = 0; offset < size; offset += 65536) crypto.getRandomValues(bytes.subarray(offset, offset + 65536));
  return bytes;
}

async function sha256(bytes) {
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

// --- Sending --------------------------------------------------------------------------

sendChannel.bufferedAmountLowThreshold = LOW_WATER;

function drained() {
  return new Promise((resolve) => sendChannel.addEventListener('bufferedamountlow', resolve, { once: true }));
}

async function sendFile(file) {
  const hash = await sha256(file);
  document.querySelector('#hash-sent').textContent = hash;
  playground.report('sha256:sent', hash);

  // The largest message the other side accepts, from its description (a=max-message-size).
  const chunkSize = Math.min(pc1.sctp.maxMessageSize, 64 * 1024);
  console.log(`maxMessageSize is ${pc1.sctp.maxMessageSize} bytes; sending ${file.byteLength} bytes in chunks of ${chunkSize}.`);
  sendChannel.send(JSON.stringify({ size: file.byteLength }));

  const started = performance.now();
  for (let offset = 0; offset < file.byteLength; offset += chunkSize) {
    // Flow control: wait while the queue is full instead of piling everything into it.
    if (sendChannel.bufferedAmount + chunkSize > HIGH_WATER) await drained();
    sendChannel.send(file.subarray(offset, offset + chunkSize));
    sentBar.value = (offset + chunkSize) / file.byteLength;
  }
  console.log(`All chunks queued after ${(performance.now() - started).toFixed(0)} ms.`);
}

// --- Receiving -------------------------------------------------------------------------

let expected = 0;
let chunks = [];
let received = 0;

receiveChannel.onmessage = async ({ data }) => {
  if (typeof data === 'string') {
    expected = JSON.parse(data).size;
    return;
  }
  chunks.push(new Uint8Array(data));
  received += data.byteLength;
  if (progressOut.readyState === 'open') progressOut.send(String(received / expected));
  if (received < expected) return;

  const file = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    file.set(chunk, offset);
    offset += chunk.byteLength;
  }
  chunks = [];
  const hash = await sha256(file);
  document.querySelector('#hash-received').textContent = hash;
  playground.report('sha256:received', hash);
  console.log(`pc2 received ${received} bytes, SHA-256 ${hash}`);
};

sendChannel.onopen = () => sendFile(randomFile(FILE_SIZE)).catch((error) => console.error('Sending failed:', error));

// --- Offer and answer ---------------------------------------------------------------

async function connect() {
  await pc1.setLocalDescription(await pc1.createOffer());
  await pc2.setRemoteDescription(pc1.localDescription);
  await pc2.setLocalDescription(await pc2.createAnswer());
  await pc1.setRemoteDescription(pc2.localDescription);
}

connect().catch((error) => console.error('Connecting failed:', error));
