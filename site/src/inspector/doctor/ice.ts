/**
 * Doctor rules about ICE: a connection that failed without a relay candidate,
 * and STUN/TURN servers that refused or could not be reached.
 */
import type { PlaygroundEvent } from '../../../../sandbox/log/events.ts';
import { everReached, peerConnections } from '../../../../sandbox/log/reduce.ts';
import { hasTurnServer, iceCandidates } from '../ice/candidates.ts';
import { diagnoseIceError, diagnosis as describeIceError } from '../ice/errors.ts';
import type { Finding } from './finding.ts';

/**
 * iceConnectionState went to failed and this side never had a relay candidate.
 * When the connection was never given a single remote candidate, that is the
 * cause, not the network, and the finding says so instead.
 */
export function iceFailedWithoutRelay(events: readonly PlaygroundEvent[]): Finding[] {
  const findings: Finding[] = [];
  const remoteCount = new Map(iceCandidates(events).map((t) => [t.pc, t.candidates.filter((c) => c.side === 'remote').length]));
  for (const pc of peerConnections(events)) {
    if (!everReached(pc, 'iceConnectionState', 'failed')) continue;
    const failed = pc.history.iceConnectionState.find((c) => c.value === 'failed');
    if (!remoteCount.get(pc.pc)) {
      findings.push({
        id: `ice-no-remote-candidates:${pc.pc}`,
        severity: 'error',
        title: `${pc.label}: ICE failed, and it was never given a remote candidate`,
        explanation:
          'ICE can only try addresses it knows. No candidate of the other peer reached this connection: none was passed to addIceCandidate, and the remote description carried none.',
        fix:
          'In each peer\'s onicecandidate handler, send event.candidate to the other peer (through your signalling), and there call addIceCandidate(candidate). ' +
          'Or wait for iceGatheringState "complete" before sending the description, so the candidates travel inside it.',
        evidence: failed ? [failed.seq] : [],
        pc: pc.pc,
        selection: { kind: 'pc', pc: pc.pc },
      });
      continue;
    }
    const types = new Set(pc.candidates.map((c) => c.candidate.type ?? typeFromLine(c.candidate.candidate)));
    if (types.has('relay')) continue;
    const turnConfigured = hasTurnServer(pc.configuration);
    const gathered = [...types].filter(Boolean).join(', ') || 'none';
    findings.push({
      id: `ice-failed-no-relay:${pc.pc}`,
      severity: 'error',
      title: `${pc.label}: ICE failed, and there was no relay candidate`,
      explanation:
        `No candidate pair worked (candidate types gathered on this side: ${gathered}). ` +
        'Direct addresses (host) and NAT-mapped ones (srflx) fail when the peers are on different networks behind strict NATs or firewalls; only a TURN relay gets through then. ' +
        (turnConfigured
          ? 'A TURN server is configured but gave no relay candidate: its credentials were refused or it could not be reached (see the ICE view\'s errors).'
          : 'No TURN server is configured, so no relay candidate could exist.'),
      fix: turnConfigured
        ? 'Check the TURN URL, port and transport and the username/credential in iceServers; the ICE view lists the server\'s error.'
        : 'Add a TURN server to the configuration: new RTCPeerConnection({ iceServers: [{ urls: "turn:turn.example.org:3478", username: "…", credential: "…" }] }).',
      evidence: failed ? [failed.seq] : [],
      pc: pc.pc,
      selection: { kind: 'pc', pc: pc.pc },
    });
  }
  return findings;
}

/**
 * icecandidateerror events: credentials refused (401/441) as errors, unreachable
 * servers (7xx) as warnings. One finding per connection and kind, naming every
 * URL: a browser reports each URL (and each local address) apart, and one
 * stale credential would otherwise read as several problems.
 */
export function iceServerErrors(events: readonly PlaygroundEvent[]): Finding[] {
  const labels = new Map(peerConnections(events).map((pc) => [pc.pc, pc.label]));
  const groups = new Map<string, { finding: Finding; urls: string[]; codes: Set<number>; diagnosis: string; text: string }>();
  for (const event of events) {
    if (event.type !== 'pc.event' || event.name !== 'icecandidateerror') continue;
    const row = diagnoseIceError(event.detail, event.seq, event.t);
    const auth = row.errorCode === 401 || row.errorCode === 441;
    const unreachable = row.errorCode !== null && row.errorCode >= 700 && row.errorCode < 800;
    if (!auth && !unreachable) continue;
    const key = `${auth ? 'turn-auth' : 'ice-server-unreachable'}:${event.pc}`;
    let group = groups.get(key);
    if (!group) {
      group = {
        finding: {
          id: key,
          severity: auth ? 'error' : 'warning',
          title: '',
          explanation: '',
          fix: auth
            ? 'Set iceServers[].username and iceServers[].credential to what the TURN server expects; time-limited (REST API) credentials must be fetched fresh before each connection.'
            : 'Check the host name, port and ?transport= of the URL, and that the server runs and a firewall lets it through. Without it, peers on other networks may not connect.',
          evidence: [],
          pc: event.pc,
          selection: { kind: 'pc', pc: event.pc },
        },
        urls: [],
        codes: new Set(),
        diagnosis: row.diagnosis,
        text: row.errorText,
      };
      groups.set(key, group);
    }
    group.finding.evidence.push(event.seq);
    if (row.errorCode !== null) group.codes.add(row.errorCode);
    const url = row.url ?? 'a STUN/TURN server';
    if (!group.urls.includes(url)) group.urls.push(url);
  }
  return [...groups.values()].map(({ finding, urls, codes, diagnosis, text }) => {
    const label = labels.get(finding.pc ?? 0) ?? `pc ${finding.pc}`;
    const auth = finding.severity === 'error';
    const named = urls.length === 1 ? urls[0]! : `${urls.length} STUN/TURN URLs`;
    finding.title = auth ? `${label}: the TURN server refused the credentials (${[...codes].join(', ')})` : `${label}: ${named} could not be reached`;
    // Several URLs: the diagnosis in general words, then each URL once.
    finding.explanation = urls.length === 1 ? diagnosis : `${describeIceError([...codes][0] ?? null, text, null)} Reported for each of: ${urls.join(', ')}.`;
    return finding;
  });
}

function typeFromLine(line: string): string | null {
  return / typ (\S+)/.exec(line)?.[1] ?? null;
}
