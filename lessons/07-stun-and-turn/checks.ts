/**
 * Lesson 07: STUN and TURN. Reads what the runtime recorded: each connection's
 * configuration (pc.created), the getStats snapshots it takes while connected
 * (pc.stats: transport → selected candidate pair → local candidate), the
 * icecandidateerror events, the console, and the learner's report of the
 * credentials' expiry (`turn-credentials`).
 */
import type { Check, Verdict } from '../../sandbox/checks/types.ts';
import type { Json, PlaygroundEvent } from '../../sandbox/log/events.ts';
import { consoleLines, everReached, peerConnections, type PcSummary } from '../../sandbox/log/reduce.ts';
import { reportObject, reports, lastReport } from '../../sandbox/log/reports.ts';
import { statById } from '../../site/src/inspector/stats/report.ts';
import { selectedPair } from '../../site/src/inspector/stats/series.ts';

const pending = (reason: string): Verdict => ({ status: 'pending', reason });
const INSTALL = 'sudo apt-get install -y coturn';

type JsonObject = { [key: string]: Json };
const object = (value: Json | undefined): JsonObject | null =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? value : null;

/** The iceServers entries of a configuration that name a turn:/turns: URL. */
function turnServers(configuration: Json): JsonObject[] {
  const servers = object(configuration)?.['iceServers'];
  if (!Array.isArray(servers)) return [];
  return servers.map(object).filter((server): server is JsonObject => {
    const urls = server?.['urls'] ?? server?.['url'];
    const list = Array.isArray(urls) ? urls : [urls];
    return list.some((url) => typeof url === 'string' && /^turns?:/i.test(url));
  });
}

const noTurnReason =
  `No connection has a TURN server in its iceServers: pass the list from /api/ice-servers (or playground.iceServers). ` +
  `If that list is empty, the playground's TURN server (coturn) is not installed: ${INSTALL}, then restart npm start.`;

/** The local candidate type of the selected pair in the connection's latest stats snapshot (the Stats view's reading), or null. */
function selectedLocalType(events: readonly PlaygroundEvent[], pc: number): string | null {
  let type: string | null = null;
  for (const event of events) {
    if (event.type !== 'pc.stats' || event.pc !== pc) continue;
    const pair = selectedPair(event);
    const local = statById(event.report, pair?.['localCandidateId']);
    if (typeof local?.['candidateType'] === 'string') type = local['candidateType'];
  }
  return type;
}

const relaySelected: Check = {
  id: 'relay-selected',
  title: "The selected pair's local candidate is relay",
  verify(events) {
    const pcs = peerConnections(events);
    if (pcs.length === 0) return pending('No RTCPeerConnection yet.');
    const selected = pcs.map((pc) => ({ pc, type: selectedLocalType(events, pc.pc) }));
    const relayed = selected.find((s) => s.type === 'relay');
    if (relayed) return { status: 'passed', detail: `${relayed.pc.label} sends through the TURN server (local candidate: relay).` };
    const direct = selected.find((s) => s.type !== null);
    if (direct) return pending(`${direct.pc.label}'s selected pair uses a ${direct.type} candidate: set iceTransportPolicy: 'relay' to force the TURN relay.`);
    if (!pcs.some((pc) => turnServers(pc.configuration).length > 0)) return pending(noTurnReason);
    const connected = pcs.find((pc) => everReached(pc, 'connectionState', 'connected'));
    if (connected) return pending(`${connected.label} is connected; waiting for its stats (taken once a second) to show the selected pair.`);
    const relayOnly = pcs.find((pc) => object(pc.configuration)?.['iceTransportPolicy'] === 'relay' && turnServers(pc.configuration).length === 0);
    if (relayOnly) return pending(`${relayOnly.label} may only use relay candidates but has no TURN server in its iceServers, so it gathers nothing: give it the servers from /api/ice-servers.`);
    const gathered = pcs.some((pc) => pc.candidates.some((c) => c.candidate.type === 'relay'));
    if (!gathered) return pending('No relay candidate gathered yet: the TURN server has not given an address (wrong credentials? see the ICE tab).');
    return pending('Relay candidates were gathered, but no connection is connected yet: are the candidates exchanged?');
  },
};

/** Whether the learner showed this error: a console line or a report after it, mentioning the code. */
function surfaced(events: readonly PlaygroundEvent[], after: number, code: number): boolean {
  // A whole number, so a port such as 54012 or a credential does not count.
  const pattern = new RegExp(`\\b${code}\\b`);
  if (consoleLines(events).some((line) => line.seq > after && pattern.test(line.text))) return true;
  return reports(events).some((r) => r.seq > after && pattern.test(JSON.stringify(r.value)));
}

const unauthorizedSurfaced: Check = {
  id: 'wrong-password-401',
  title: 'The 401 from a wrong TURN password was caught and shown',
  verify(events) {
    const errors = events.filter((e) => e.type === 'pc.event' && e.name === 'icecandidateerror');
    const unauthorized = errors.find((e) => e.type === 'pc.event' && object(e.detail)?.['errorCode'] === 401);
    if (!unauthorized) {
      const pcs = peerConnections(events);
      if (!pcs.some((pc) => turnServers(pc.configuration).length > 0)) return pending(noTurnReason);
      if (errors.length) return pending(`An icecandidateerror came, but not a 401 (${JSON.stringify(object(errors[0]?.type === 'pc.event' ? errors[0].detail : null)?.['errorCode'] ?? null)}).`);
      return pending("No 401 yet: make a connection whose TURN entry has a wrong credential, give it a data channel and call setLocalDescription so it gathers.");
    }
    if (surfaced(events, unauthorized.seq, 401)) return { status: 'passed', detail: 'The TURN server answered 401 Unauthorized and your code reported it.' };
    return pending("The TURN server answered 401, but your code did not show it: handle icecandidateerror and log event.errorCode and event.errorText.");
  },
};

const credentialsRead: Check = {
  id: 'credentials-read',
  title: "The credentials' expiry was read from the TURN username",
  verify(events) {
    const usernames = new Set<string>();
    for (const pc of peerConnections(events) as PcSummary[]) {
      for (const server of turnServers(pc.configuration)) if (typeof server['username'] === 'string') usernames.add(server['username']);
    }
    if (usernames.size === 0) return pending(noTurnReason);
    const value = reportObject(lastReport(events, 'turn-credentials'));
    if (!value) return pending("Report what the username says: playground.report('turn-credentials', { expiresAt, label }).");
    const expected = [...usernames].map((u) => /^(\d+):(.*)$/.exec(u)).filter((m) => m !== null);
    const match = expected.find((m) => value['expiresAt'] === Number(m[1]) && value['label'] === m[2]);
    if (match) return { status: 'passed', detail: `Valid until ${new Date(Number(match[1]) * 1000).toISOString()} for "${match[2]}".` };
    const first = expected[0];
    return pending(
      first
        ? `Reported ${JSON.stringify(value)}, but the username ${first[0]} means { expiresAt: ${first[1]}, label: "${first[2]}" } (expiresAt in unix seconds, a number).`
        : `The TURN username is not in the "<expiry>:<label>" form: ${[...usernames][0]}.`,
    );
  },
};

export default [relaySelected, unauthorizedSurfaced, credentialsRead] satisfies Check[];
