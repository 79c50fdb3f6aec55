// Codecs and bandwidth.
//
// pc1 sends its camera to pc2 as three simulcast layers, in the codec you
// prefer, with the top layer capped. A table shows what really goes out.

const CODEC = 'video/VP9'; // or 'video/AV1'
const CAP = { rid: 'f', maxBitrate: 300_000 }; // bits per second

const pc1 = new RTCPeerConnection();
const pc2 = new RTCPeerConnection();

// Both peers are in this page, so the candidates go straight across.
pc1.onicecandidate = (event) => event.candidate && pc2.addIceCandidate(event.candidate);
pc2.onicecandidate = (event) => event.candidate && pc1.addIceCandidate(event.candidate);
pc2.ontrack = (event) => {
  document.querySelector('#remote').srcObject = event.streams[0];
};

/**
 * Given: answer the way an SFU would. Chromium's own answer has no
 * a=simulcast:recv (a browser does not receive simulcast), so without this
 * pc1 sends only its first layer. An SFU's answer accepts every rid offered.
 */
function acceptSimulcast(answerSdp, offerSdp) {
  const rids = [...offerSdp.matchAll(/^a=rid:(\S+) send/gm)].map((match) => match[1]);
  if (!rids.length) return answerSdp;
  const lines = [...rids.map((rid) => `a=rid:${rid} recv`), `a=simulcast:recv ${rids.join(';')}`];
  return answerSdp.replace(/(m=video[^]*?a=mid:\S+\r\n)/, `$1${lines.join('\r\n')}\r\n`);
}

// --- What goes out, once a second ---------------------------------------------

const previous = new Map(); // outbound-rtp id → last report: rates need two samples (lesson 15)

async function showLayers() {
  const report = await pc1.getStats();
  const rows = [];
  for (const stat of report.values()) {
    if (stat.type !== 'outbound-rtp' || stat.kind !== 'video') continue;
    const before = previous.get(stat.id);
    previous.set(stat.id, stat);
    const bps = before ? ((stat.bytesSent - before.bytesSent) * 8) / ((stat.timestamp - before.timestamp) / 1000) : 0;
    const codec = report.get(stat.codecId)?.mimeType ?? '?';
    const size = stat.frameWidth ? `${stat.frameWidth}×${stat.frameHeight}` : 'not sent';
    rows.push([stat.rid ?? '(one layer)', size, `${Math.round(bps / 1000)} kbit/s`, codec]);
  }
  rows.sort((a, b) => String(a[0]).localeCompare(String(b[0])));
  const body = document.querySelector('#layers');
  body.replaceChildren(
    ...rows.map((cells) => {
      const tr = document.createElement('tr');
      for (const text of cells) tr.append(Object.assign(document.createElement('td'), { textContent: text }));
      return tr;
    }),
  );
}

// --- The call -------------------------------------------------------------------

async function start() {
  const camera = await navigator.mediaDevices.getUserMedia({ video: { width: 1280, height: 720 } });
  document.querySelector('#local').srcObject = camera;

  // Three layers: a quarter, half and full resolution. VP9 and AV1 need a
  // scalabilityMode on each encoding to be sent as simulcast in Chromium.
  const transceiver = pc1.addTransceiver(camera.getVideoTracks()[0], {
    direction: 'sendonly',
    streams: [camera],
    sendEncodings: [
      { rid: 'q', scaleResolutionDownBy: 4, scalabilityMode: 'L1T3' },
      { rid: 'h', scaleResolutionDownBy: 2, scalabilityMode: 'L1T3' },
      { rid: 'f', scaleResolutionDownBy: 1, scalabilityMode: 'L1T3' },
    ],
  });

  // Preferences reorder the codecs this side offers: the answerer picks the
  // first one it supports. Keep the others (and rtx, red, ulpfec) after it.
  const { codecs } = RTCRtpReceiver.getCapabilities('video');
  const chosen = codecs.filter((codec) => codec.mimeType === CODEC);
  if (!chosen.length) throw new Error(`This browser cannot receive ${CODEC}: pick another.`);
  transceiver.setCodecPreferences([...chosen, ...codecs.filter((codec) => codec.mimeType !== CODEC)]);
  playground.report('codec', CODEC);

  const offer = await pc1.createOffer();
  await pc1.setLocalDescription(offer);
  await pc2.setRemoteDescription(offer);
  const answer = await pc2.createAnswer();
  await pc2.setLocalDescription(answer);
  await pc1.setRemoteDescription({ type: 'answer', sdp: acceptSimulcast(answer.sdp, offer.sdp) });

  // Cap one layer. getParameters() → change → setParameters(): no renegotiation.
  const parameters = transceiver.sender.getParameters();
  const layer = parameters.encodings.find((encoding) => encoding.rid === CAP.rid);
  layer.maxBitrate = CAP.maxBitrate;
  await transceiver.sender.setParameters(parameters);
  playground.report('maxBitrate', CAP);
  console.log(`Layer ${CAP.rid} capped at ${CAP.maxBitrate / 1000} kbit/s.`);

  setInterval(() => showLayers().catch((error) => console.error('getStats failed:', error)), 1000);
}

start().catch((error) => console.error('Starting failed:', error));
