// Screen and desktop sharing.
//
// pc1 sends its camera to pc2. "Share screen" swaps the camera for the screen
// on the same sender with replaceTrack(): no new offer, no new answer.

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

let connected = false;
pc1.onnegotiationneeded = () => {
  // After the first exchange nothing here should need a new offer.
  if (connected) console.warn('negotiationneeded fired again: something changed the SDP.');
};

let camera;   // the camera track
let sender;   // pc1's video sender, kept for replaceTrack
let screen;   // the screen track while sharing

async function shareScreen() {
  // Must run from a click in most browsers: getDisplayMedia needs a user gesture.
  const stream = await navigator.mediaDevices.getDisplayMedia({ video: true, audio: false });
  screen = stream.getVideoTracks()[0];
  const { displaySurface, width, height } = screen.getSettings();
  console.log(`Sharing a ${displaySurface} (${width}×${height}).`);
  playground.report('displaySurface', displaySurface ?? null);

  // The user can end sharing from the browser's own "Stop sharing" bar.
  screen.addEventListener('ended', stopSharing);

  await sender.replaceTrack(screen);
  localVideo.srcObject = stream;
  shareButton.disabled = true;
  stopButton.disabled = false;
  status.textContent = `Sharing your ${displaySurface}. The SDP did not change.`;
}

async function stopSharing() {
  if (!screen) return;
  screen.removeEventListener('ended', stopSharing);
  screen.stop(); // stop() does not fire 'ended': that event is only for when the browser ends it
  screen = undefined;
  await sender.replaceTrack(camera);
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

  const offer = await pc1.createOffer();
  await pc1.setLocalDescription(offer);
  await pc2.setRemoteDescription(offer);
  const answer = await pc2.createAnswer();
  await pc2.setLocalDescription(answer);
  await pc1.setRemoteDescription(answer);
  connected = true;
  shareButton.disabled = !navigator.mediaDevices.getDisplayMedia;
  if (shareButton.disabled) status.textContent = 'This browser cannot share its screen (mobile browsers cannot).';

  // Let the camera run for a moment, then try sharing without a click. The
  // playground's test browser picks the screen by itself; a normal browser may
  // refuse without a click, and then the button is the way.
  setTimeout(() => shareScreen().catch((error) => console.log(`Click "Share screen" to share (${error.name}).`)), 2000);
}

start().catch((error) => console.error('Starting failed:', error));
