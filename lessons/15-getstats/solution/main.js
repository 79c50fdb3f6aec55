// getStats: how good is this call?
//
// pc1 sends its camera to pc2. Once a second, read both connections' stats
// and work out the outgoing bitrate, the round-trip time, and the packets
// lost and jitter on the receiving side.

const pc1 = new RTCPeerConnection();
const pc2 = new RTCPeerConnection();

// Both peers are in this page, so the candidates go straight across.
pc1.onicecandidate = (event) => event.candidate && pc2.addIceCandidate(event.candidate);
pc2.onicecandidate = (event) => event.candidate && pc1.addIceCandidate(event.candidate);
pc2.ontrack = (event) => {
  document.querySelector('#remote').srcObject = event.streams[0];
};

const show = (id, text) => {
  document.querySelector(`#${id}`).textContent = text;
};

/** The first stats object of this type (and kind) in a report, or undefined. */
function find(report, type, kind) {
  for (const stat of report.values()) {
    if (stat.type === type && (!kind || stat.kind === kind)) return stat;
  }
  return undefined;
}

// bytesSent is a running total: a rate needs the previous report too.
let previous = null;

async function measure() {
  const sent = await pc1.getStats();
  const received = await pc2.getStats();

  const outbound = find(sent, 'outbound-rtp', 'video');
  if (!outbound) return; // not sending yet

  if (previous) {
    const bytes = outbound.bytesSent - previous.bytesSent;
    const seconds = (outbound.timestamp - previous.timestamp) / 1000; // timestamps are milliseconds
    const bitsPerSecond = (bytes * 8) / seconds;
    show('bitrate', `${Math.round(bitsPerSecond / 1000)} kbit/s`);
    playground.report('bitrate', { bitsPerSecond, from: previous.timestamp, to: outbound.timestamp });
  }
  previous = outbound;

  // remoteId links the stream to what pc2 said about it in RTCP receiver reports.
  const remote = sent.get(outbound.remoteId);
  // Or ICE's own measurement: transport → selectedCandidatePairId → candidate-pair.
  const transport = find(sent, 'transport');
  const pair = transport && sent.get(transport.selectedCandidatePairId);
  const rtt = remote?.roundTripTime ?? pair?.currentRoundTripTime;

  const inbound = find(received, 'inbound-rtp', 'video');
  if (rtt === undefined || !inbound) return;
  show('rtt', `${(rtt * 1000).toFixed(1)} ms`); // seconds in the report
  show('lost', String(inbound.packetsLost));
  show('jitter', `${(inbound.jitter * 1000).toFixed(1)} ms`); // seconds too
  playground.report('quality', { rtt, packetsLost: inbound.packetsLost, jitter: inbound.jitter, timestamp: inbound.timestamp });
}

async function start() {
  const camera = await navigator.mediaDevices.getUserMedia({ video: true });
  document.querySelector('#local').srcObject = camera;
  const { sender } = pc1.addTransceiver(camera.getVideoTracks()[0], { direction: 'sendonly', streams: [camera] });

  const offer = await pc1.createOffer();
  await pc1.setLocalDescription(offer);
  await pc2.setRemoteDescription(offer);
  const answer = await pc2.createAnswer();
  await pc2.setLocalDescription(answer);
  await pc1.setRemoteDescription(answer);

  setInterval(() => measure().catch((error) => console.error('getStats failed:', error)), 1000);

  // Given: after 6 s the sender is capped at 250 kbit/s (lesson 16 explains
  // how), so the numbers have something to show.
  setTimeout(async () => {
    const parameters = sender.getParameters();
    parameters.encodings[0].maxBitrate = 250_000;
    await sender.setParameters(parameters);
    console.log('The sender is now capped at 250 kbit/s.');
  }, 6000);
}

start().catch((error) => console.error('Starting failed:', error));
