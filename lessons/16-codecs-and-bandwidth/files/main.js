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

  // TODO 2: simulcast. Give addTransceiver sendEncodings with three rids
  // (q, h, f) scaled down by 4, 2 and 1; for VP9 or AV1 add
  // scalabilityMode: 'L1T3' to each.
  const transceiver = pc1.addTransceiver(camera.getVideoTracks()[0], { direction: 'sendonly', streams: [camera] });

  // TODO 1: prefer CODEC. Take RTCRtpReceiver.getCapabilities('video').codecs,
  // put the ones whose mimeType is CODEC first, pass the list to
  // transceiver.setCodecPreferences() before createOffer(), and
  // playground.report('codec', CODEC).
  const { codecs } = RTCRtpReceiver.getCapabilities('video');
  console.log(`This browser can receive: ${[...new Set(codecs.map((codec) => codec.mimeType))].join(', ')}`);

  const offer = await pc1.createOffer();
  await pc1.setLocalDescription(offer);
  await pc2.setRemoteDescription(offer);
  const answer = await pc2.createAnswer();
  await pc2.setLocalDescription(answer);
  // TODO 3: with three layers, answer like an SFU: acceptSimulcast(answer.sdp, offer.sdp).
  await pc1.setRemoteDescription(answer);

  // TODO 4: cap layer CAP.rid: transceiver.sender.getParameters(), set that
  // encoding's maxBitrate, await setParameters(), then
  // playground.report('maxBitrate', CAP).

  setInterval(() => showLayers().catch((error) => console.error('getStats failed:', error)), 1000);
}

start().catch((error) => console.error('Starting failed:', error));
