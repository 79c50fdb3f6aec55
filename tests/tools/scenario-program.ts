/**
 * What every capture scenario is made of: its type, the helpers each program
 * starts with, and how a body becomes a page's files. The scenarios
 * themselves are in scenarios.ts (healthy runs) and scenarios-mistakes.ts.
 *
 * The programs capture-fixtures.ts runs in the real workspace to record the
 * inspector's fixtures. Each is a main.js a learner could have written (two
 * RTCPeerConnections in one page unless noted); each ends by logging "DONE",
 * which is how the tool knows the log is complete. A scenario that goes wrong
 * still logs DONE after saying why, so the tool can report it instead of hanging.
 */
import { MODULE_PAGE } from '../e2e/support/workspace.ts';

export interface TurnServer {
  /** e.g. "turn:127.0.0.1:3479?transport=udp" */
  url: string;
  username: string;
  credential: string;
  /** A TURN url where nothing listens, for the "unreachable" diagnosis. */
  deadUrl: string;
}

export interface Scenario {
  name: string;
  /** One line for the fixtures README. */
  about: string;
  /** How long the tool waits for DONE. */
  timeoutMs: number;
  files(turn: TurnServer): Record<string, string>;
}

/** Small helpers every scenario shares, written as a learner would. */
const PRELUDE = `
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Hand each candidate straight to the other connection (trickle ICE in one page).
function trickle(from, to) {
  from.addEventListener('icecandidate', (event) => {
    if (event.candidate) to.addIceCandidate(event.candidate).catch((error) => console.error('addIceCandidate:', error.message));
  });
}

// Two connections in this page, each handing its candidates to the other.
function trickledPair(configuration = {}) {
  const pc1 = new RTCPeerConnection(configuration);
  const pc2 = new RTCPeerConnection(configuration);
  trickle(pc1, pc2);
  trickle(pc2, pc1);
  return [pc1, pc2];
}

async function negotiate(offerer, answerer) {
  const offer = await offerer.createOffer();
  await offerer.setLocalDescription(offer);
  await answerer.setRemoteDescription(offer);
  const answer = await answerer.createAnswer();
  await answerer.setLocalDescription(answer);
  await offerer.setRemoteDescription(answer);
}

function until(target, type, test, timeoutMs = 10000) {
  return new Promise((resolve, reject) => {
    if (test()) return resolve();
    const timer = setTimeout(() => reject(new Error('timed out waiting for ' + type)), timeoutMs);
    target.addEventListener(type, () => {
      if (test()) { clearTimeout(timer); resolve(); }
    });
  });
}
const gathered = (pc) => until(pc, 'icegatheringstatechange', () => pc.iceGatheringState === 'complete');

// A PeerJS Peer's id, once the signaller has given it one.
const opened = (peer) => new Promise((resolve, reject) => {
  peer.on('open', resolve);
  peer.on('error', reject);
});
const connected = (pc) => until(pc, 'connectionstatechange', () => pc.connectionState === 'connected');

// No trickle: each side sends its description once gathering is complete, so it carries the candidates.
async function negotiateWithCandidates(offerer, answerer) {
  await offerer.setLocalDescription(await offerer.createOffer());
  await gathered(offerer);
  await answerer.setRemoteDescription(offerer.localDescription);
  await answerer.setLocalDescription(await answerer.createAnswer());
  await gathered(answerer);
  await offerer.setRemoteDescription(answerer.localDescription);
}

// Stay connected a little so the runtime takes a few getStats() snapshots, then say so.
async function done(ms = 2500) {
  await sleep(ms);
  console.log('DONE');
}

function scenario(body) {
  body().catch((error) => {
    console.error('scenario failed:', error.name, error.message);
    console.log('DONE');
  });
}
`;

export function program(body: string): Record<string, string> {
  return { 'index.html': MODULE_PAGE, 'main.js': `${PRELUDE}\nscenario(async () => {\n${body.trim()}\n});\n` };
}
