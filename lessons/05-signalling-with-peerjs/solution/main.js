// Signalling with PeerJS.
//
// Two peers in one page again, but this time neither calls the other's methods:
// every offer, answer and candidate goes through a signalling server, exactly
// as it would between two browsers. PeerJS does the WebRTC part for us.
import { Peer } from 'peerjs';

const messageList = document.querySelector('#messages');

function show(text) {
  const item = document.createElement('li');
  item.textContent = text;
  messageList.append(item);
}

// With no options, a Peer here connects to the playground's own signaller.
// In your own app you would pass the address of your PeerJS server:
//   new Peer({ host: 'signal.example.com', port: 443, path: '/peerjs' })
const alice = new Peer();
const bob = new Peer();

// Resolves with the id the signaller gave this peer.
function opened(peer, name) {
  return new Promise((resolve, reject) => {
    peer.on('open', (id) => {
      console.log(`${name} is registered with the signaller as ${id}`);
      document.querySelector(`#${name.toLowerCase()}-id`).textContent = id;
      resolve(id);
    });
    peer.on('error', (error) => {
      console.error(`${name} got an error (${error.type}): ${error.message}`);
      reject(error);
    });
  });
}

// Alice waits to be called. PeerJS hands her each incoming DataConnection.
alice.on('connection', (connection) => {
  console.log(`Alice: ${connection.peer} wants to connect.`);
  connection.on('open', () => console.log('Alice: the connection is open.'));
  connection.on('data', (data) => {
    console.log('Alice received:', data);
    show(`Alice received: ${data}`);
    connection.send('Hi Bob, Alice here. Got your message!');
  });
});

async function start() {
  const [aliceId] = await Promise.all([opened(alice, 'Alice'), opened(bob, 'Bob')]);
  console.log('Both peers are open. Bob connects to Alice by her id.');

  // Bob calls Alice. The offer, answer and candidates now travel through the signaller.
  const connection = bob.connect(aliceId);
  connection.on('open', () => {
    console.log('Bob: the connection is open.');
    connection.send('Hello Alice, this is Bob.');
  });
  connection.on('data', (data) => {
    console.log('Bob received:', data);
    show(`Bob received: ${data}`);
  });
}

start().catch((error) => console.error('Could not start:', error.message));
