// Helpers the cases share. Nothing here is broken: the mistakes are in main.js.

/** Resolves when `test()` is true (checked now and on each `event` of `target`); rejects after `ms` saying what did not happen. */
export function waitFor(target, event, test, ms, what) {
  return new Promise((resolve, reject) => {
    if (test()) return resolve();
    const timer = setTimeout(() => {
      target.removeEventListener(event, check);
      reject(new Error(`${what} did not happen within ${ms} ms`));
    }, ms);
    function check() {
      if (!test()) return;
      clearTimeout(timer);
      target.removeEventListener(event, check);
      resolve();
    }
    target.addEventListener(event, check);
  });
}

export const connected = (pc, ms = 5000) =>
  waitFor(pc, 'connectionstatechange', () => pc.connectionState === 'connected', ms, 'the connection reaching "connected"');

export const opened = (channel, ms = 3000) => waitFor(channel, 'open', () => channel.readyState === 'open', ms, `channel "${channel.label}" opening`);

/** Gives `promise` at most `ms`, then rejects with "<what> did not happen …". */
export function within(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} did not happen within ${ms} ms`)), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Both peers live in this page, so candidates go straight across (the browser queues them behind a pending setRemoteDescription). */
export function trickle(a, b) {
  a.onicecandidate = ({ candidate }) => candidate && b.addIceCandidate(candidate);
  b.onicecandidate = ({ candidate }) => candidate && a.addIceCandidate(candidate);
}

/** The whole offer/answer exchange, in the right order. */
export async function exchange(offerer, answerer) {
  await offerer.setLocalDescription(await offerer.createOffer());
  await answerer.setRemoteDescription(offerer.localDescription);
  await answerer.setLocalDescription(await answerer.createAnswer());
  await offerer.setRemoteDescription(answerer.localDescription);
}

/** Resolves once the connection has gathered all its candidates. */
export const gathered = (pc, ms = 3000) =>
  waitFor(pc, 'icegatheringstatechange', () => pc.iceGatheringState === 'complete', ms, 'ICE gathering');

/** Two connected peers and a binary channel; `received(bytes)` resolves when that many bytes arrived at the other end. */
export async function channelPair(label) {
  const a = new RTCPeerConnection();
  const b = new RTCPeerConnection();
  trickle(a, b);
  const channel = a.createDataChannel(label);
  let total = 0;
  const waiting = [];
  b.ondatachannel = ({ channel: incoming }) => {
    incoming.binaryType = 'arraybuffer';
    incoming.onmessage = ({ data }) => {
      total += data.byteLength;
      for (const w of waiting) if (total >= w.bytes) w.resolve();
    };
  };
  await exchange(a, b);
  await opened(channel);
  const received = (bytes, ms) => within(new Promise((resolve) => (total >= bytes ? resolve() : waiting.push({ bytes, resolve }))), ms, `receiving ${bytes} bytes`);
  return { a, b, channel, received, close: () => (a.close(), b.close()) };
}

/** A Peer's id once it is open with the playground's signaller. */
export const peerOpen = (peer, ms = 5000) =>
  within(new Promise((resolve, reject) => (peer.once('open', resolve), peer.once('error', reject))), ms, 'the Peer opening');

/** Resolves when `video` starts playing. */
export const playing = (video, ms = 3000) => waitFor(video, 'playing', () => !video.paused && video.readyState > 2, ms, `${video.id} playing`);
