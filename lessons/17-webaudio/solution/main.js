// WebAudio meets WebRTC.
//
// microphone → WebAudio (filter, gain) → pc1 ──► pc2 → <audio muted> + AnalyserNode → level meter

const stateText = document.querySelector('#state');
const startButton = document.querySelector('#start');
const gainSlider = document.querySelector('#gain');
const meter = document.querySelector('#level');
const remoteAudio = document.querySelector('#remote');

const pc1 = new RTCPeerConnection();
const pc2 = new RTCPeerConnection();
pc1.onicecandidate = (event) => event.candidate && pc2.addIceCandidate(event.candidate);
pc2.onicecandidate = (event) => event.candidate && pc1.addIceCandidate(event.candidate);

// --- The AudioContext -----------------------------------------------------------

// One context for the whole page. Without a user gesture the browser starts it
// 'suspended': nothing flows through the graph until resume() succeeds.
const context = new AudioContext();
function showState() {
  stateText.textContent = `AudioContext: ${context.state}`;
  startButton.hidden = context.state === 'running';
}
context.onstatechange = showState;
showState();
console.log(`The AudioContext started ${context.state}.`);
startButton.onclick = () => context.resume();

// --- Sending: microphone → WebAudio → pc1 ---------------------------------------------

async function send() {
  const mic = await navigator.mediaDevices.getUserMedia({ audio: true });
  const source = context.createMediaStreamSource(mic);

  // The processing: cut the highs, then set the loudness.
  const filter = context.createBiquadFilter();
  filter.type = 'lowpass';
  filter.frequency.value = 3000;
  const gain = context.createGain();
  gain.gain.value = Number(gainSlider.value);
  gainSlider.oninput = () => gain.gain.setTargetAtTime(Number(gainSlider.value), context.currentTime, 0.05);

  // The graph ends in a MediaStream instead of the speakers.
  const destination = context.createMediaStreamDestination();
  source.connect(filter).connect(gain).connect(destination);

  const [processed] = destination.stream.getAudioTracks();
  console.log(`Sending "${processed.label}", not "${mic.getAudioTracks()[0].label}".`);
  pc1.addTrack(processed, destination.stream);
}

// --- Receiving: pc2 → <audio muted> → AnalyserNode → meter -----------------------------

const analyser = context.createAnalyser();
analyser.fftSize = 2048;
const samples = new Float32Array(analyser.fftSize);

pc2.ontrack = (event) => {
  const [stream] = event.streams;
  // Chromium feeds a remote WebRTC stream into WebAudio only while a media
  // element plays it. Muted, because here the remote audio is your own microphone.
  remoteAudio.srcObject = stream;
  context.createMediaStreamSource(stream).connect(analyser);
  // Not connected to context.destination: the analyser listens, the speakers stay silent.
};

// The loudest sample (0..1) in the analyser's window, and over the last second.
// A timer rather than requestAnimationFrame, which stops in a hidden frame.
let loudest = 0;
setInterval(() => {
  analyser.getFloatTimeDomainData(samples);
  let peak = 0;
  for (const sample of samples) peak = Math.max(peak, Math.abs(sample));
  meter.value = peak;
  loudest = Math.max(loudest, peak);
}, 50);

setInterval(() => {
  console.log(`remote level: ${loudest.toFixed(2)}`);
  playground.report('remoteLevel', loudest);
  loudest = 0;
}, 1000);

// --- Connecting -------------------------------------------------------------------------

async function start() {
  await send();
  const offer = await pc1.createOffer();
  await pc1.setLocalDescription(offer);
  await pc2.setRemoteDescription(offer);
  const answer = await pc2.createAnswer();
  await pc2.setLocalDescription(answer);
  await pc1.setRemoteDescription(answer);
}

start().catch((error) => console.error('Starting failed:', error));
