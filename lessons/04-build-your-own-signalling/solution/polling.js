// The extra step: the same signalling over plain HTTP, no WebSocket at all.
// To try it, change index.html to load polling.js instead of main.js.
//
// Each peer POSTs what it has to say, and keeps asking the server for what
// others said ("long polling": a GET waits up to `wait` seconds for something
// new). The server keeps a room's recent messages, so nobody has to be there
// first, and returns everyone's, our own too: each peer skips its own.

const room = `lesson4-poll-${crypto.randomUUID().slice(0, 8)}`;
document.querySelector('#room').textContent = room;
const messagesUrl = `${playground.siteOrigin}/rooms/${room}/messages`;

function show(text) {
  const item = document.createElement('li');
  item.textContent = text;
  document.querySelector('#log').append(item);
}

// One POST at a time, in order: a candidate must not reach the server before the offer it belongs to.
let posting = Promise.resolve();
function post(from, data) {
  posting = posting.catch(() => {}).then(() => postNow(from, data));
  return posting;
}

async function postNow(from, data) {
  const response = await fetch(messagesUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ from, data }),
  });
  if (!response.ok) throw new Error(`${from}: POST failed (${response.status}) ${await response.text()}`);
  show(`${from} posted ${data.description ? data.description.type : 'candidate'}`);
}

// Asks again and again, handling each message in order, until the peer is connected.
async function poll(name, pc, handle) {
  let after = 0;
  while (pc.connectionState !== 'connected' && pc.connectionState !== 'closed') {
    const response = await fetch(`${messagesUrl}?after=${after}&wait=5`);
    if (!response.ok) throw new Error(`${name}: GET failed (${response.status}) ${await response.text()}`);
    const { messages, next } = await response.json();
    for (const message of messages) if (message.from !== name) await handle(message.data);
    after = next;
  }
}

function peer(name) {
  const pc = new RTCPeerConnection({ iceServers: playground.iceServers });
  pc.onconnectionstatechange = () => console.log(`${name}: ${pc.connectionState}`);
  pc.onicecandidate = ({ candidate }) => {
    if (candidate) post(name, { candidate }).catch((error) => console.error(error.message));
  };
  const handle = async (data) => {
    if (data.description) {
      await pc.setRemoteDescription(data.description);
      if (data.description.type === 'offer') {
        await pc.setLocalDescription();
        await post(name, { description: pc.localDescription });
      }
    } else if (data.candidate) {
      await pc.addIceCandidate(data.candidate);
    }
  };
  poll(name, pc, handle).catch((error) => console.error(error.message));
  return pc;
}

const alice = peer('Alice');
const bob = peer('Bob');

const channel = alice.createDataChannel('chat');
channel.onopen = () => channel.send('Hello Bob, over HTTP polling signalling!');
bob.ondatachannel = ({ channel: incoming }) => {
  incoming.onmessage = ({ data }) => show(`Bob received over the data channel: ${data}`);
};

await alice.setLocalDescription();
await post('Alice', { description: alice.localDescription });
