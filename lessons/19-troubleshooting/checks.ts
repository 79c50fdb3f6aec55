/**
 * Lesson 19: troubleshooting. One check per case of main.js. The code marks
 * each case with playground.report('case', name) (sandbox/log/cases.ts splits
 * the log by those marks); a check passes when its case ran, did what it set
 * out to do (connected, the bytes arrived, the preview played…), and the
 * inspector's doctor finds nothing of that case's mistake in the case's own
 * events. While the doctor has a finding, the check fails with its title, so
 * the Checks panel and the Doctor tab name the same thing.
 */
import type { Check, Verdict } from '../../sandbox/checks/types.ts';
import type { PlaygroundEvent } from '../../sandbox/log/events.ts';
import { lastCaseRun, type CaseRun } from '../../sandbox/log/cases.ts';
import { everReached, peerConnections, peers, type PcSummary } from '../../sandbox/log/reduce.ts';
import { deprecatedApis } from '../../site/src/inspector/doctor/deprecated.ts';
import type { Finding, Rule } from '../../site/src/inspector/doctor/finding.ts';
import { iceServerErrors } from '../../site/src/inspector/doctor/ice.ts';
import { dataChannelLimits, echoFromLocalPreview, peerjsErrors } from '../../site/src/inspector/doctor/runtime.ts';
import { iceCandidateBeforeRemoteDescription, offerWithoutMedia, wrongSignalingState } from '../../site/src/inspector/doctor/signalling.ts';

const pending = (reason: string): Verdict => ({ status: 'pending', reason });
const MiB = 1024 * 1024;

interface CaseSpec {
  name: string;
  title: string;
  /** The doctor's rule for this case's mistake, and which of its findings count (by id prefix). */
  rule: Rule;
  findings: string;
  /** Given the case's events and no finding: passed, or pending with what is still missing. */
  succeeded(run: CaseRun, pcs: PcSummary[]): Verdict;
}

function caseCheck(spec: CaseSpec): Check {
  return {
    id: spec.name,
    title: spec.title,
    verify(events: readonly PlaygroundEvent[]) {
      const run = lastCaseRun(events, spec.name);
      if (!run) return pending(`Case "${spec.name}" has not run yet (is it left out by ONLY?).`);
      const found: Finding | undefined = spec.rule(run.events).find((f) => f.id.startsWith(spec.findings));
      if (found) return { status: 'failed', reason: `Doctor: ${found.title}. ${found.fix}` };
      return spec.succeeded(run, peerConnections(run.events).filter((pc) => run.pcs.has(pc.pc)));
    },
  };
}

const connectedPcs = (pcs: PcSummary[]) => pcs.filter((pc) => everReached(pc, 'connectionState', 'connected'));

function receivedBytes(run: CaseRun): number {
  let total = 0;
  for (const event of run.events) if (event.type === 'dc.message' && event.direction === 'received') total += event.bytes;
  return total;
}

const order = caseCheck({
  name: 'order',
  title: '1. Candidates wait for the remote description, and the peers connect',
  rule: iceCandidateBeforeRemoteDescription,
  findings: 'ice-before-remote',
  succeeded(_run, pcs) {
    const added = pcs.flatMap((pc) => pc.addedCandidates.filter((c) => c.outcome === 'ok' && c.candidate !== null));
    if (!added.length) return pending('No candidate was added with addIceCandidate: keep sending them, and add the early ones after setRemoteDescription.');
    if (!connectedPcs(pcs).length) return pending('Waiting for the caller to connect.');
    return { status: 'passed', detail: `${added.length} candidates added, none before the remote description; connected.` };
  },
});

const noMedia = caseCheck({
  name: 'no-media',
  title: '2. The offer has something to negotiate, so candidates are gathered',
  rule: offerWithoutMedia,
  findings: 'offer-no-m-line',
  succeeded(_run, pcs) {
    if (!pcs.some((pc) => pc.candidates.length > 0)) return pending('No candidate gathered yet: create the data channel before createOffer().');
    if (!connectedPcs(pcs).length) return pending('Waiting for the peers to connect.');
    return { status: 'passed', detail: 'The offer had an m= section; candidates were gathered and the peers connected.' };
  },
});

const wrongPeer = caseCheck({
  name: 'wrong-peer',
  title: '3. The answer goes back to the peer that made the offer',
  rule: wrongSignalingState,
  findings: 'wrong-state',
  succeeded(_run, pcs) {
    const both = connectedPcs(pcs);
    if (both.length < 2) return pending('Waiting for both peers to connect: the offerer (alice) must get the answer with setRemoteDescription.');
    return { status: 'passed', detail: 'Every description was applied in the right state; both peers connected.' };
  },
});

const turn = caseCheck({
  name: 'turn',
  title: '4. TURN accepts the credentials and the peers connect through the relay',
  rule: iceServerErrors,
  findings: 'turn-auth',
  succeeded(_run, pcs) {
    if (!pcs.length) return pending('No connection in this case: playground.iceServers has no TURN server? Install coturn (sudo apt-get install -y coturn) and restart npm start.');
    const relayOnly = pcs.filter((pc) => relayPolicy(pc));
    if (!relayOnly.length) return pending("Keep iceTransportPolicy: 'relay': the case is about getting through the TURN server, not around it.");
    const relayed = connectedPcs(relayOnly).find((pc) => pc.candidates.some((c) => c.candidate.type === 'relay'));
    if (!relayed) return pending('Waiting for a relay-only connection to gather a relay candidate and connect.');
    return { status: 'passed', detail: `${relayed.label} connected with relay candidates only.` };
  },
});

function relayPolicy(pc: PcSummary): boolean {
  const config = pc.configuration;
  return config !== null && typeof config === 'object' && !Array.isArray(config) && config['iceTransportPolicy'] === 'relay';
}

function bytesCheck(name: string, title: string, findings: string, bytes: number, advice: string): Check {
  return caseCheck({
    name,
    title,
    rule: dataChannelLimits,
    findings,
    succeeded(run) {
      const got = receivedBytes(run);
      if (got < bytes) return pending(`${got} of ${bytes} bytes arrived so far. ${advice}`);
      return { status: 'passed', detail: `All ${bytes} bytes arrived.` };
    },
  });
}

const bigMessage = bytesCheck('big-message', '5. The 1 MiB photo arrives, in chunks the peer accepts', 'dc-message-too-big', MiB, 'Send it in 16 KiB chunks.');
const flood = bytesCheck('flood', '6. The 20 MiB file arrives without overfilling the send buffer', 'dc-queue-full', 20 * MiB, 'Wait for bufferedamountlow when bufferedAmount is high.');

const peerjs = caseCheck({
  name: 'peerjs',
  title: "7. PeerJS connects to the host's real id and the greeting crosses",
  rule: peerjsErrors,
  findings: 'peerjs:peer-unavailable',
  succeeded(run) {
    const opened = peers(run.events).some((peer) => peer.connections.some((c) => c.kind === 'data' && c.opened));
    if (!opened) return pending("No data connection opened yet: connect to the id the host's 'open' event gave you.");
    if (!run.events.some((e) => e.type === 'dc.message' && e.direction === 'received')) return pending('Connected; waiting for the greeting to arrive.');
    return { status: 'passed', detail: 'The data connection opened and the greeting arrived.' };
  },
});

const staleApis = caseCheck({
  name: 'stale-apis',
  title: '8. No API from old tutorials, and the remote media arrives',
  rule: deprecatedApis,
  findings: 'deprecated:',
  succeeded(run, pcs) {
    if (!run.events.some((e) => e.type === 'pc.event' && e.name === 'track')) return pending('No track arrived yet: pc.ontrack = (event) => … fires once per track.');
    if (!connectedPcs(pcs).length) return pending('Waiting for the peers to connect.');
    return { status: 'passed', detail: 'Tracks arrived through ontrack, sent with addTrack; nothing deprecated was used.' };
  },
});

const echo = caseCheck({
  name: 'echo',
  title: '9. The local preview plays muted (no echo)',
  rule: echoFromLocalPreview,
  findings: 'echo:',
  succeeded(run) {
    const played = run.events.find((e) => e.type === 'media' && e.event === 'playing');
    if (!played || played.type !== 'media') return pending('The preview has not started playing yet.');
    const detail = played.detail as { muted?: unknown; microphone?: unknown } | null;
    if (detail?.muted !== true) return pending(`${played.element} plays unmuted: give it the muted attribute.`);
    return { status: 'passed', detail: `${played.element} plays muted.` };
  },
});

export default [order, noMedia, wrongPeer, turn, bigMessage, flood, peerjs, staleApis, echo] satisfies Check[];
