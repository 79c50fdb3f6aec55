// Tracks and transceivers.
//
// pc1 sends its microphone both ways (sendrecv) and its camera one way
// (sendonly); pc2 answers, adding its own microphone, and shows what arrives.

const localVideo = document.querySelector('#local');
const remoteVideo = document.querySelector('#remote');

const pc1 = new RTCPeerConnection();
const pc2 = new RTCPeerConnection();

// Both peers are in this page, so the candidates go straight across.
pc1.onicecandidate = (event) => event.candidate && pc2.addIceCandidate(event.candidate);
pc2.onicecandidate = (event) => event.candidate && pc1.addIceCandidate(event.candidate);

// --- What arrives ------------------------------------------------------------

pc2.ontrack = (event) => {
  const { track, streams, transceiver } = event;
  console.log(`pc2 received a ${track.kind} track (mid ${transceiver.mid}, direction ${transceiver.currentDirection ?? transceiver.direction})`);
  // The stream id pc1 passed along with the track groups audio and video together.
  if (streams[0] && remoteVideo.srcObject !== streams[0]) remoteVideo.srcObject = streams[0];
};

pc1.ontrack = (event) => {
  console.log(`pc1 received pc2's ${event.track.kind} track: the audio section works both ways.`);
};

// --- What is sent ------------------------------------------------------------

async function start() {
  const camera = await navigator.mediaDevices.getUserMedia({ audio: true, video: true });
  localVideo.srcObject = camera;
  const [mic] = camera.getAudioTracks();
  const [cam] = camera.getVideoTracks();

  // addTrack: the browser picks (or makes) a transceiver, direction sendrecv.
  pc1.addTrack(mic, camera);

  // addTransceiver: you choose the direction yourself. pc1 only sends video.
  const video = pc1.addTransceiver(cam, { direction: 'sendonly', streams: [camera] });
  console.log(`pc1's video transceiver: direction ${video.direction}`);

  const offer = await pc1.createOffer();
  await pc1.setLocalDescription(offer);
  await pc2.setRemoteDescription(offer);

  // pc2 sends its own microphone back. Added after the offer, addTrack reuses
  // the audio transceiver the offer created, turning it from recvonly to sendrecv.
  const pc2Mic = await navigator.mediaDevices.getUserMedia({ audio: true });
  pc2.addTrack(pc2Mic.getAudioTracks()[0], pc2Mic);

  const answer = await pc2.createAnswer();
  await pc2.setLocalDescription(answer);
  await pc1.setRemoteDescription(answer);

  for (const t of pc1.getTransceivers()) {
    console.log(`pc1 ${t.receiver.track.kind}: asked ${t.direction}, agreed ${t.currentDirection}`);
  }
}

start().catch((error) => console.error('Starting failed:', error));
