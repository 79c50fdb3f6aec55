// Tracks and transceivers.
//
// Goal: pc1 sends its microphone both ways (sendrecv) and its camera one way
// (sendonly); pc2 answers with its own microphone and shows what arrives.
// Run it as it is first, then open the Inspector's SDP tab: both sections say
// a=sendrecv in the offer, and the answer's audio says recvonly. Why?

const localVideo = document.querySelector('#local');
const remoteVideo = document.querySelector('#remote');

const pc1 = new RTCPeerConnection();
const pc2 = new RTCPeerConnection();

// Both peers are in this page, so the candidates go straight across.
pc1.onicecandidate = (event) => event.candidate && pc2.addIceCandidate(event.candidate);
pc2.onicecandidate = (event) => event.candidate && pc1.addIceCandidate(event.candidate);

// --- What arrives ------------------------------------------------------------

pc2.ontrack = (event) => {
  console.log(`pc2 received a ${event.track.kind} track`);
  // TODO 3: show it. event.streams[0] is the stream pc1 passed to addTrack;
  // put it in remoteVideo.srcObject (once). Log event.transceiver.mid too.
};

pc1.ontrack = (event) => {
  console.log(`pc1 received pc2's ${event.track.kind} track.`);
};

// --- What is sent ------------------------------------------------------------

async function start() {
  const camera = await navigator.mediaDevices.getUserMedia({ audio: true, video: true });
  localVideo.srcObject = camera;
  const [mic] = camera.getAudioTracks();
  const [cam] = camera.getVideoTracks();

  pc1.addTrack(mic, camera);
  // TODO 1: pc1 should only *send* video. Replace this addTrack with
  // pc1.addTransceiver(cam, { direction: 'sendonly', streams: [camera] }).
  pc1.addTrack(cam, camera);

  const offer = await pc1.createOffer();
  await pc1.setLocalDescription(offer);
  await pc2.setRemoteDescription(offer);

  // TODO 2: pc2 should send its own microphone back, so that the audio section
  // is sendrecv in the answer too: get { audio: true } and pc2.addTrack() it here.

  const answer = await pc2.createAnswer();
  await pc2.setLocalDescription(answer);
  await pc1.setRemoteDescription(answer);

  for (const t of pc1.getTransceivers()) {
    console.log(`pc1 ${t.receiver.track.kind}: asked ${t.direction}, agreed ${t.currentDirection}`);
  }
}

start().catch((error) => console.error('Starting failed:', error));
