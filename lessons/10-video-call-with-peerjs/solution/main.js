// A video call with PeerJS.
//
// Alice and Bob are two Peers in this page, as in the PeerJS signalling
// lesson. This time Alice does not open a data connection: she *calls* Bob
// with her camera, and Bob answers with his.
import { Peer } from 'peerjs';

const localVideo = document.querySelector('#local');
const remoteVideo = document.querySelector('#remote');
const status = document.querySelector('#status');

function say(text) {
  console.log(text);
  status.textContent = text;
}

const alice = new Peer();
const bob = new Peer();

// Resolves with the id the signaller gave this peer.
function opened(peer, name) {
  return new Promise((resolve, reject) => {
    peer.on('open', (id) => {
      console.log(`${name} is registered as ${id}`);
      resolve(id);
    });
    peer.on('error', (error) => {
      console.error(`${name} got an error (${error.type}): ${error.message}`);
      reject(error);
    });
  });
}

async function start() {
  // Listen for open right away: a Peer may open while we wait for the camera,
  // and an 'open' event that already fired is not repeated.
  const bothOpen = Promise.all([opened(alice, 'Alice'), opened(bob, 'Bob')]);

  // One camera stream serves both peers here; in a real call each browser
  // would get its own.
  const stream = await navigator.mediaDevices.getUserMedia({ video: { width: { ideal: 640 } }, audio: true });
  localVideo.srcObject = stream;

  // Bob waits to be called. PeerJS hands him a MediaConnection.
  bob.on('call', (call) => {
    say(`Bob: ${call.peer} is calling. Answering with my camera.`);
    // Answering with a stream sends it back: both sides see each other.
    call.answer(stream);
    call.on('stream', (remoteStream) => {
      // PeerJS fires 'stream' once per arriving track (audio, then video) with the same
      // stream; setting it again would abort the play() already under way.
      if (remoteVideo.srcObject === remoteStream) return;
      say('Bob: Alice’s picture arrived.');
      remoteVideo.srcObject = remoteStream;
      // autoplay would start it too; play() tells us when the browser refuses.
      remoteVideo.play().catch((error) => console.error(`Bob: the remote video cannot play: ${error.name}`));
    });
    call.on('close', () => say('Bob: the call ended.'));
  });

  const [, bobId] = await bothOpen;
  say('Both peers are open. Alice calls Bob with her camera.');

  const call = alice.call(bobId, stream);
  call.on('stream', (remoteStream) => {
    // Fires once Bob answered with his stream.
    const [track] = remoteStream.getVideoTracks();
    console.log(`Alice: Bob's picture arrived (${track ? track.label || 'a video track' : 'no video'}).`);
  });
  call.on('error', (error) => console.error(`Alice: the call failed: ${error.message}`));
}

start().catch((error) => console.error(`Could not start: ${error.name}: ${error.message}`));
