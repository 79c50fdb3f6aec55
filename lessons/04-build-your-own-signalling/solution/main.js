// Build your own signalling.
//
// Alice and Bob live in one page, but they are not allowed to touch each
// other: each one has its own WebSocket to a room on the playground's server,
// and every offer, answer and candidate travels as a JSON text message through
// that room. The server passes each message to the room's other members and
// understands none of it.

const logList = document.querySelector('#log');
function show(text) {
  const item = document.createElement('li');
  item.textContent = text;
  logList.append(item);
}

// A fresh room for every run, so two runs (or two learners) never meet.
const room = `lesson4-${crypto.randomUUID().slice(0, 8)}`;
document.querySelector('#room').textContent = room;

// Resolves once the socket has joined the room.
function joinRoom(name) {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(playground.roomUrl(room));
    socket.onopen = () => {
      console.log(`${name} joined the room ${room}.`);
      resolve(socket);
    };
    socket.onerror = () => reject(new Error(`${name}'s socket could not connect to the room.`));
    socket.onclose = (event) => console.log(`${name}'s socket closed (${event.code} ${event.reason})`);
  });
}

// The relay keeps nothing for later: both must be in the room before anyone speaks.
const [aliceSocket, bobSocket] = await Promise.all([joinRoom('Alice'), joinRoom('Bob')]);

function send(socket, name, message) {
  socket.send(JSON.stringify(message));
  const what = message.description ? message.description.type : 'candidate';
  show(`${name} sent ${what}`);
}

const alice = new RTCPeerConnection({ iceServers: playground.iceServers });
const bob = new RTCPeerConnection({ iceServers: playground.iceServers });
alice.onconnectionstatechange = () => console.log(`Alice: ${alice.connectionState}`);
bob.onconnectionstatechange = () => console.log(`Bob: ${bob.connectionState}`);

// What arrives on a peer's socket is applied to that peer, one message at a
// time and in order: a candidate must not overtake the description before it.
function receive(pc, socket, name) {
  let queue = Promise.resolve();
  socket.onmessage = (event) => {
    const message = JSON.parse(event.data);
    queue = queue.then(() => handle(pc, socket, name, message)).catch((error) => console.error(`${name}:`, error));
  };
}

async function handle(pc, socket, name, message) {
  if (message.description) {
    show(`${name} received ${message.description.type}`);
    await pc.setRemoteDescription(message.description);
    if (message.description.type === 'offer') {
      await pc.setLocalDescription(); // creates the answer
      send(socket, name, { description: pc.localDescription });
    }
  } else if (message.candidate) {
    await pc.addIceCandidate(message.candidate);
  }
}

receive(alice, aliceSocket, 'Alice');
receive(bob, bobSocket, 'Bob');

// Every candidate goes to the other side through the sender's own socket.
alice.onicecandidate = ({ candidate }) => {
  if (candidate) send(aliceSocket, 'Alice', { candidate });
};
bob.onicecandidate = ({ candidate }) => {
  if (candidate) send(bobSocket, 'Bob', { candidate });
};

// Something to connect: a data channel, and a greeting once it opens.
const channel = alice.createDataChannel('chat');
channel.onopen = () => channel.send('Hello Bob, no signalling library involved!');
bob.ondatachannel = ({ channel: incoming }) => {
  incoming.onmessage = ({ data }) => {
    console.log('Bob received over the data channel:', data);
    show(`Bob received over the data channel: ${data}`);
  };
};

// Alice starts: her offer goes out through her socket.
await alice.setLocalDescription();
send(aliceSocket, 'Alice', { description: alice.localDescription });
