// Two peers in one page.
//
// Both ends of the connection live in this page, so "signalling" (getting each
// side's description and candidates to the other) is just a function call.

const form = document.querySelector('#chat');
const input = document.querySelector('#message');
const sendButton = document.querySelector('#send');
const receivedList = document.querySelector('#received');

// In a real app these two would be in two browsers, far apart.
const pc1 = new RTCPeerConnection();
const pc2 = new RTCPeerConnection();

pc1.onconnectionstatechange = () => console.log(`pc1 connection: ${pc1.connectionState}`);
pc2.onconnectionstatechange = () => console.log(`pc2 connection: ${pc2.connectionState}`);

// --- ICE candidates: hand each one straight to the other peer -------------

pc1.onicecandidate = (event) => {
  // A null candidate means pc1 has finished gathering: nothing to hand over.
  if (!event.candidate) return;
  console.log('pc1 found a candidate, giving it to pc2:', event.candidate.candidate);
  pc2.addIceCandidate(event.candidate);
};

pc2.onicecandidate = (event) => {
  if (!event.candidate) return;
  console.log('pc2 found a candidate, giving it to pc1:', event.candidate.candidate);
  pc1.addIceCandidate(event.candidate);
};

// --- The data channel -------------------------------------------------------

// pc1 creates the channel before making its offer, so the offer describes it.
const channel = pc1.createDataChannel('chat');

function send(text) {
  channel.send(text);
  console.log('pc1 sent:', text);
}

channel.onopen = () => {
  console.log('The data channel is open.');
  sendButton.disabled = false;
  send('Hello from pc1!');
};

// pc2 does not create a channel: it receives pc1's through 'datachannel'.
pc2.ondatachannel = (event) => {
  event.channel.onmessage = (message) => {
    console.log('pc2 received:', message.data);
    const item = document.createElement('li');
    item.textContent = message.data;
    receivedList.append(item);
  };
};

form.onsubmit = (event) => {
  event.preventDefault();
  if (input.value) send(input.value);
};

// --- Offer and answer ------------------------------------------------------

async function connect() {
  const offer = await pc1.createOffer();
  console.log('pc1 created an offer.');
  await pc1.setLocalDescription(offer);
  await pc2.setRemoteDescription(offer);
  console.log('pc2 has the offer as its remote description.');

  const answer = await pc2.createAnswer();
  console.log('pc2 created an answer.');
  await pc2.setLocalDescription(answer);
  await pc1.setRemoteDescription(answer);
  console.log('pc1 has the answer as its remote description. ICE takes it from here.');
}

connect().catch((error) => console.error('Connecting failed:', error));
