/**
 * Doctor rules about whose description is whose: a peer's own offer or answer
 * is its *local* description and the other peer's is its *remote* one. Two
 * classic slips break that: applying the other peer's answer with
 * setLocalDescription, and sending an offer without ever applying it locally.
 *
 * A description is recognised by its ICE username fragment (a=ice-ufrag),
 * which the connection that created it chose: the browser may reformat a
 * description, but the ufrag stays, and two connections never share one.
 */
import type { Json, PlaygroundEvent } from '../../../../sandbox/log/events.ts';
import { asDescription, peerConnections, type PcSummary } from '../../../../sandbox/log/reduce.ts';
import type { Finding } from './finding.ts';

interface Created {
  pc: number;
  type: string;
  ufrag: string;
  seq: number;
}

/** The first a=ice-ufrag of an SDP, or null (no media section, or not a description). */
export function ufragOf(value: Json | undefined): string | null {
  const sdp = asDescription(value)?.sdp;
  return sdp ? (/^a=ice-ufrag:(\S+)/m.exec(sdp)?.[1] ?? null) : null;
}

/** Every offer and answer a connection created, with its ufrag. */
function createdDescriptions(events: readonly PlaygroundEvent[]): Created[] {
  const created: Created[] = [];
  for (const event of events) {
    if (event.type !== 'pc.result' || !event.ok || (event.method !== 'createOffer' && event.method !== 'createAnswer')) continue;
    const description = asDescription(event.value);
    const ufrag = ufragOf(event.value);
    if (description && ufrag) created.push({ pc: event.pc, type: description.type, ufrag, seq: event.seq });
  }
  return created;
}

function labelOf(pcs: readonly PcSummary[], pc: number): string {
  return pcs.find((p) => p.pc === pc)?.label ?? `pc ${pc}`;
}

/** setLocalDescription given a description another connection created (usually the answer meant for setRemoteDescription). */
export function localRemoteMixup(events: readonly PlaygroundEvent[]): Finding[] {
  const created = createdDescriptions(events);
  const pcs = peerConnections(events);
  const findings: Finding[] = [];
  for (const pc of pcs) {
    for (const { call, result } of pc.calls) {
      if (call.method !== 'setLocalDescription') continue;
      const ufrag = ufragOf(call.args[0]);
      const author = ufrag === null ? undefined : created.find((c) => c.ufrag === ufrag && c.pc !== pc.pc);
      if (!author) continue;
      const type = asDescription(call.args[0])?.type ?? author.type;
      const mine = labelOf(pcs, pc.pc);
      const theirs = labelOf(pcs, author.pc);
      const said = result && !result.ok ? ` The browser refused it: "${result.error.name}: ${result.error.message}".` : '';
      findings.push({
        id: `local-remote-mixup:${pc.pc}:${call.seq}`,
        severity: 'error',
        title: `${mine}: setLocalDescription was given ${theirs}'s ${type}`,
        explanation:
          `This ${type} was created by ${theirs}, so for ${mine} it is the remote description. A local description is always one the connection created itself ` +
          `(its own createOffer or createAnswer).${said} ${mine} is left waiting for a remote ${type === 'answer' ? 'answer' : 'description'}, ` +
          'so it refuses the candidates that arrive and never connects.',
        fix: `Give ${theirs}'s ${type} to ${mine}'s setRemoteDescription, not its setLocalDescription. Only the connection that created a description applies it with setLocalDescription.`,
        evidence: [call.seq, ...(result ? [result.seq] : [])],
        pc: pc.pc,
        selection: { kind: 'pc', pc: pc.pc },
      });
    }
  }
  return findings;
}

/**
 * A description the other peer applied as remote, which the connection that
 * created it never applied as local: that connection stays "stable", gathers
 * no candidates, and refuses the answer.
 */
export function descriptionNeverAppliedLocally(events: readonly PlaygroundEvent[]): Finding[] {
  const created = createdDescriptions(events);
  const pcs = peerConnections(events);
  const appliedLocally = new Set<string>();
  for (const pc of pcs) {
    for (const { call, result } of pc.calls) {
      if (call.method !== 'setLocalDescription' || !result?.ok) continue;
      const ufrag = ufragOf(call.args[0]) ?? ufragOf(result.value);
      if (ufrag) appliedLocally.add(`${pc.pc}:${ufrag}`);
    }
  }
  const findings: Finding[] = [];
  const reported = new Set<string>();
  for (const pc of pcs) {
    for (const { call, result } of pc.calls) {
      if (call.method !== 'setRemoteDescription' || !result?.ok) continue;
      const ufrag = ufragOf(call.args[0]);
      const author = ufrag === null ? undefined : created.find((c) => c.ufrag === ufrag && c.pc !== pc.pc);
      if (!author || appliedLocally.has(`${author.pc}:${ufrag}`) || reported.has(`${author.pc}:${ufrag}`)) continue;
      reported.add(`${author.pc}:${ufrag}`);
      const mine = labelOf(pcs, author.pc);
      findings.push({
        id: `never-set-local:${author.pc}`,
        severity: 'error',
        title: `${mine}: its ${author.type} was sent, but never applied with setLocalDescription`,
        explanation:
          `${mine} created this ${author.type} and ${labelOf(pcs, pc.pc)} applied it, but ${mine} itself never called setLocalDescription with it. ` +
          'createOffer and createAnswer only write a description; setLocalDescription is what starts gathering candidates and moves the signaling state' +
          (author.type === 'offer' ? ' to "have-local-offer". So this connection stays "stable", gathers no candidates, and refuses the answer when it comes back.' : ' to "stable".'),
        fix: `Right after ${author.type === 'offer' ? 'createOffer' : 'createAnswer'}, await setLocalDescription(${author.type}) on the same connection, then send the description (pc.localDescription) to the other peer.`,
        evidence: [author.seq, call.seq],
        pc: author.pc,
        selection: { kind: 'pc', pc: author.pc },
      });
    }
  }
  return findings;
}
