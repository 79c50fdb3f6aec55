// Screen and desktop sharing.
//
// pc1 sends its camera to pc2. "Share screen" should swap the camera for the
// screen. This version works, but the hard way: it removes the camera's track
// and adds the screen's, which changes the SDP, so every swap costs a new
// offer and answer. Open the Inspector's SDP tab after a run and count them.

const localVideo = document.querySelector('#local');
const remoteVideo = document.querySelector('#remote');
const shareButton = document.querySelector('#share');
const stopButton = document.querySelector('#stop');
const status = document.querySelector('#status');

const pc1 = new RTCPeerConnection();
const pc2 = new RTCPeerConnection();
pc1.onicecandidate = (event) => event.candidate && pc2.addIceCandidate(event.candidate);
pc2.onicecandidate = (event) => event.candidate && pc1.addIceCandidate(event.candidate);
pc2.ontrack = (event) => { remoteVideo.srcObject = event.streams[0]; };

async function negotiate() {
  const offer = await pc1.createOffer();
  await pc1.setLocalDescription(offer);
  await pc2.setRemoteDescription(offer);
  const answer = await pc2.createAnswer();
  await pc2.setLocalDescription(answer);
  await pc1.setRemoteDescription(answer);
}

let connected = false;
pc1.onnegotiationneeded = () => {
  if (!connected) return; // start() makes the first offer itself
  console.warn('negotiationneeded: the SDP changed, negotiating again.');
  negotiate().catch((error) => console.error('Renegotiation failed:', error));
};

let camera;   // the camera track
let sender;   // pc1's video sender
let screen;   // the screen track while sharing

async function shareScreen() {
  const stream = await navigator.mediaDevices.getDisplayMedia({ video: true, audio: false });
  screen = stream.getVideoTracks()[0];
  // TODO 1: read screen.getSettings().displaySurface, log it, and report it:
  // playground.report('displaySurface', displaySurface).

  // TODO 2: swap the track on the same sender instead: await sender.replaceTrack(screen).
  pc1.removeTrack(sender);
  sender = pc1.addTrack(screen, stream);

  // TODO 3: when the user stops sharing from the browser's bar, the track
  // fires 'ended': listen for it and call stopSharing().
  localVideo.srcObject = stream;
  shareButton.disabled = true;
  stopButton.disabled = false;
  status.textContent = 'Sharing the screen.';
}

async function stopSharing() {
  if (!screen) return;
  screen.stop();
  screen = undefined;
  // TODO 2 (again): sender.replaceTrack(camera) instead of remove + add.
  pc1.removeTrack(sender);
  sender = pc1.addTrack(camera, new MediaStream([camera]));
  localVideo.srcObject = new MediaStream([camera]);
  shareButton.disabled = false;
  stopButton.disabled = true;
  status.textContent = 'Back to the camera.';
}

shareButton.onclick = () => shareScreen().catch((error) => console.error('Sharing failed:', error.name, error.message));
stopButton.onclick = () => stopSharing().catch((error) => console.error('Stopping failed:', error));

async function start() {
  const stream = await navigator.mediaDevices.getUserMedia({ video: true });
  camera = stream.getVideoTracks()[0];
  localVideo.srcObject = stream;
  sender = pc1.addTrack(camera, stream);
  await negotiate();
  connected = true;
  shareButton.disabled = !navigator.mediaDevices.getDisplayMedia;
  if (shareButton.disabled) status.textContent = 'This browser cannot share its screen (mobile browsers cannot).';

  // Let the camera run for a moment, then try sharing without a click. The
  // playground's test browser picks the screen by itself; a normal browser may
  // refuse without a click, and then the button is the way.
  setTimeout(() => shareScreen().catch((error) => console.log(`Click "Share screen" to share (${error.name}).`)), 2000);
}

start().catch((error) => console.error('Starting failed:', error));
