// ICE candidates: gather them, read them, take their priority apart.

const rows = document.querySelector('#candidates tbody');
const timing = document.querySelector('#timing');

const pc1 = new RTCPeerConnection();
const pc2 = new RTCPeerConnection();

// A data channel gives the offer an m-line; without one there is nothing to gather candidates for.
pc1.createDataChannel('ice-lesson');

// --- Step 1: decode a priority ----------------------------------------------
// priority = 2^24 * type preference + 2^8 * local preference + (256 - component)
function decodePriority(priority) {
  // TODO 1: take the three numbers out of the priority (see the lesson).
  return { typePreference: null, localPreference: null, component: null };
}

function show(who, candidate) {
  const { type, address, port, protocol, priority, foundation } = candidate;
  const decoded = decodePriority(priority);
  playground.report(`candidate:${who}-${foundation}`, { type, priority, ...decoded });
  console.log(
    `${who}: ${type} ${protocol} ${address}:${port}, priority ${priority} = ` +
      `type ${decoded.typePreference}, local ${decoded.localPreference}, component ${decoded.component}`,
  );
  const row = rows.insertRow();
  for (const value of [who, type, `${address}:${port}`, priority, decoded.typePreference, decoded.localPreference, decoded.component]) {
    row.insertCell().textContent = String(value);
  }
}

// --- Step 2: trickle ----------------------------------------------------------
// Each candidate goes to the other peer as soon as it is found.
// (Watch the console: some of them are refused. Why?)

pc1.onicecandidate = ({ candidate }) => {
  if (!candidate) return; // null: gathering is over
  if (firstCandidate === undefined) firstCandidate = performance.now() - startedAt;
  show('pc1', candidate);
  pc2.addIceCandidate(candidate).catch((error) => console.error('pc2 could not add a candidate:', error.message));
};

pc2.onicecandidate = ({ candidate }) => {
  if (!candidate) return;
  show('pc2', candidate);
  pc1.addIceCandidate(candidate).catch((error) => console.error('pc1 could not add a candidate:', error.message));
};

// --- Step 3: how long does gathering take? -----------------------------------

let startedAt = 0;
let firstCandidate;

pc1.onicegatheringstatechange = () => {
  if (pc1.iceGatheringState !== 'complete') return;
  const complete = performance.now() - startedAt;
  playground.report('gathering', { firstCandidate, complete });
  timing.textContent =
    `First candidate after ${firstCandidate.toFixed(1)} ms; gathering complete after ${complete.toFixed(1)} ms. ` +
    `Trickle lets the offer leave at 0 ms instead of ${complete.toFixed(1)} ms.`;
  console.log(timing.textContent);
};

pc1.onconnectionstatechange = () => console.log(`pc1 connection: ${pc1.connectionState}`);

async function connect() {
  const offer = await pc1.createOffer();
  startedAt = performance.now();
  await pc1.setLocalDescription(offer);
  // TODO 2: this waits until gathering is complete before the offer leaves,
  // while onicecandidate above already trickles every candidate to pc2.
  // Send the offer right away instead (delete the wait).
  await new Promise((resolve) => pc1.addEventListener('icegatheringstatechange', () => pc1.iceGatheringState === 'complete' && resolve()));
  console.log('Gathering is complete: only now does the offer go to pc2.');
  await pc2.setRemoteDescription(pc1.localDescription);
  const answer = await pc2.createAnswer();
  await pc2.setLocalDescription(answer);
  await pc1.setRemoteDescription(answer);
}

connect().catch((error) => console.error('Connecting failed:', error));
