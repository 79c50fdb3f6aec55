// STUN and TURN: relay everything through the playground's TURN server.

const show = (id, text) => (document.querySelector(`#${id}`).textContent = text);

// --- Step 1: get the ICE servers, with fresh time-limited credentials ----------
// A real app asks its own server for these; the playground's server answers at /api/ice-servers.
const response = await fetch(`${playground.siteOrigin}/api/ice-servers`);
const { iceServers } = await response.json();
show('servers', JSON.stringify(iceServers));

const turn = iceServers.find((server) => server.urls.some((url) => url.startsWith('turn:')));
if (!turn) {
  console.error('No TURN server: coturn is not installed. Install it (sudo apt-get install -y coturn) and restart npm start.');
} else {
  // The username is "<expiry>:<label>": the unix time (seconds) at which the credential stops working.
  const [expiry, label] = turn.username.split(':');
  const expiresAt = Number(expiry);
  playground.report('turn-credentials', { expiresAt, label });
  show('expiry', `${new Date(expiresAt * 1000).toISOString()} (${label})`);
  console.log(`TURN credentials for "${label}" expire at ${new Date(expiresAt * 1000).toISOString()}.`);
}

// --- Step 2: relay only --------------------------------------------------------------
const pc1 = new RTCPeerConnection({ iceServers, iceTransportPolicy: 'relay' });
const pc2 = new RTCPeerConnection({ iceServers, iceTransportPolicy: 'relay' });

pc1.onicecandidate = ({ candidate }) => {
  if (!candidate) return;
  console.log(`pc1 candidate: ${candidate.type} ${candidate.address}:${candidate.port} via ${candidate.url}`);
  pc2.addIceCandidate(candidate);
};
pc2.onicecandidate = ({ candidate }) => candidate && pc1.addIceCandidate(candidate);
pc1.onicegatheringstatechange = () => {
  if (pc1.iceGatheringState === 'complete') console.log('pc1 finished gathering. No relay candidate above? Then there is nothing ICE may use.');
};

const channel = pc1.createDataChannel('through-turn');
channel.onopen = () => channel.send('Hello through the relay!');
pc2.ondatachannel = ({ channel }) => (channel.onmessage = ({ data }) => console.log('pc2 received:', data));

pc1.onconnectionstatechange = async () => {
  console.log(`pc1 connection: ${pc1.connectionState}`);
  if (pc1.connectionState !== 'connected') return;
  // Which pair did ICE pick? transport → selected candidate pair → its local candidate.
  const stats = await pc1.getStats();
  const transport = [...stats.values()].find((report) => report.type === 'transport');
  const pair = stats.get(transport.selectedCandidatePairId);
  const local = stats.get(pair.localCandidateId);
  const remote = stats.get(pair.remoteCandidateId);
  show('pair', `${local.candidateType} ${local.address}:${local.port} ⇄ ${remote.candidateType} ${remote.address}:${remote.port}`);
  console.log(`Selected pair: local ${local.candidateType}, remote ${remote.candidateType}.`);
};

await pc1.setLocalDescription(await pc1.createOffer());
await pc2.setRemoteDescription(pc1.localDescription);
await pc2.setLocalDescription(await pc2.createAnswer());
await pc1.setRemoteDescription(pc2.localDescription);

// --- Step 3: what a wrong password looks like ------------------------------------------
if (turn) {
  const wrong = new RTCPeerConnection({ iceServers: [{ ...turn, credential: 'not-the-password' }], iceTransportPolicy: 'relay' });
  wrong.onicecandidateerror = (event) => {
    console.error(`TURN error ${event.errorCode} from ${event.url}: ${event.errorText}`);
    show('wrong', `${event.errorCode} ${event.errorText}`);
  };
  wrong.createDataChannel('never-connects');
  await wrong.setLocalDescription(await wrong.createOffer());
}
