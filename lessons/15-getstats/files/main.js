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

let toured = false;
let inboundSeen = false;

async function measure() {
  const sent = await pc1.getStats();
  const received = await pc2.getStats();

  const outbound = find(sent, 'outbound-rtp', 'video');
  if (!outbound) return; // not sending yet

  if (!toured) {
    // A report is a Map from id to stats object, each with a type and an id.
    console.log(`pc1's report holds ${sent.size} objects:`);
    for (const stat of sent.values()) console.log(`  ${stat.type.padEnd(18)} ${stat.id}`);
    toured = true;
  }

  // TODO 1: bytesSent is a running total since the call began, not a rate.
  // Keep the previous outbound-rtp report, and divide the difference in bytes
  // (times 8) by the difference in timestamps (milliseconds, so / 1000).
  const bitsPerSecond = outbound.bytesSent * 8;
  show('bitrate', `${Math.round(bitsPerSecond / 1000)} kbit/s`);
  // TODO 2: report from: the previous report's timestamp as well.
  playground.report('bitrate', { bitsPerSecond, to: outbound.timestamp });

  // TODO 3: the round-trip time. outbound.remoteId is the id of a
  // remote-inbound-rtp object in the same report; its roundTripTime is seconds.

  // TODO 4: pc2's video inbound-rtp: packetsLost and jitter (seconds), shown
  // in the page and reported with its timestamp:
  // playground.report('quality', { rtt, packetsLost, jitter, timestamp: inbound.timestamp });
  const inbound = find(received, 'inbound-rtp', 'video');
  if (inbound && !inboundSeen) console.log(`pc2 receives video: its inbound-rtp is ${inbound.id}`);
  inboundSeen ||= Boolean(inbound);
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
