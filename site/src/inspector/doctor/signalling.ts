/**
 * Doctor rules about the offer/answer exchange: candidates added too early,
 * an offer with nothing to negotiate, descriptions applied in the wrong state.
 */
import type { Json, PcResultEvent, PlaygroundEvent } from '../../../../sandbox/log/events.ts';
import { everReached, peerConnections } from '../../../../sandbox/log/reduce.ts';
import type { Finding } from './finding.ts';

/** addIceCandidate before the connection had a remote description. */
export function iceCandidateBeforeRemoteDescription(events: readonly PlaygroundEvent[]): Finding[] {
  const findings: Finding[] = [];
  for (const pc of peerConnections(events)) {
    const evidence: number[] = [];
    let remoteSetCalled = false;
    for (const record of pc.calls) {
      const { call, result } = record;
      if (call.method === 'setRemoteDescription') remoteSetCalled = true;
      if (call.method !== 'addIceCandidate' || !isRealCandidate(call.args[0])) continue;
      const refused = result && !result.ok && (result.error.name === 'InvalidStateError' || /remote description/i.test(result.error.message));
      // A call made while setRemoteDescription is still pending is queued by the browser and fine;
      // one made before any setRemoteDescription that never settled is the same mistake, unreported.
      const neverSettledEarly = !remoteSetCalled && !result;
      if (refused || neverSettledEarly) evidence.push(call.seq, ...(result ? [result.seq] : []));
    }
    if (!evidence.length) continue;
    // Connected anyway: the refused candidates were not needed. That is what
    // perfect negotiation does with the candidates of an offer it ignored.
    const connected = everReached(pc, 'connectionState', 'connected');
    findings.push({
      id: `ice-before-remote:${pc.pc}`,
      severity: connected ? 'warning' : 'error',
      title: `${pc.label}: addIceCandidate before setRemoteDescription`,
      explanation:
        'A candidate belongs to the remote description\'s ICE session, so the browser refuses it (InvalidStateError) ' +
        'until setRemoteDescription has been called. Candidates often arrive first because the other peer starts sending them as soon as it has set its local description.' +
        (connected
          ? ' This connection connected anyway. If these were the candidates of an offer your code ignored on purpose (the impolite peer in perfect negotiation), the refusals are expected and harmless.'
          : ''),
      fix:
        'Call setRemoteDescription first and await it, then addIceCandidate. If candidates can arrive early, keep them in an array ' +
        'and add them once the remote description is set.',
      evidence: evidence.sort((a, b) => a - b),
      pc: pc.pc,
      selection: { kind: 'pc', pc: pc.pc },
    });
  }
  return findings;
}

/** An offer without any m= section: no track, no transceiver, no data channel, so nothing to gather candidates for. */
export function offerWithoutMedia(events: readonly PlaygroundEvent[]): Finding[] {
  const findings: Finding[] = [];
  const reported = new Set<number>();
  const labels = new Map(peerConnections(events).map((pc) => [pc.pc, pc.label]));
  for (const event of events) {
    if (event.type !== 'pc.result' || !event.ok || reported.has(event.pc)) continue;
    if (event.method !== 'createOffer' && event.method !== 'setLocalDescription') continue;
    const sdp = offerSdp(event.value);
    if (sdp === null || /^m=/m.test(sdp)) continue;
    reported.add(event.pc);
    findings.push({
      id: `offer-no-m-line:${event.pc}`,
      severity: 'error',
      title: `${labels.get(event.pc) ?? `pc ${event.pc}`}: the offer has no media and no data channel`,
      explanation:
        'The offer has no m= line, because nothing was added to the connection before createOffer. ' +
        'ICE gathers candidates per m-section, so none are gathered and the peers can never connect.',
      fix:
        'Before createOffer, add something to negotiate: pc.createDataChannel("chat"), or pc.addTrack(track, stream) for each track of a getUserMedia stream, ' +
        'or pc.addTransceiver("video") to receive only.',
      evidence: [event.seq],
      pc: event.pc,
      selection: { kind: 'description', seq: event.seq },
    });
  }
  return findings;
}

/** "Called in wrong state: stable" and its kin: an answer applied twice, or to the wrong peer. */
export function wrongSignalingState(events: readonly PlaygroundEvent[]): Finding[] {
  const findings: Finding[] = [];
  for (const pc of peerConnections(events)) {
    let localOfferSet = false;
    for (const { call, result, signalingStateBefore } of pc.calls) {
      if (call.method === 'setLocalDescription' && result?.ok && descriptionType(result.value ?? call.args[0]) === 'offer') localOfferSet = true;
      if (call.method !== 'setRemoteDescription' && call.method !== 'setLocalDescription') continue;
      if (!result || result.ok || !/wrong state|InvalidStateError/i.test(`${result.error.name} ${result.error.message}`)) continue;
      const type = descriptionType(call.args[0]);
      findings.push({
        id: `wrong-state:${pc.pc}:${call.seq}`,
        severity: 'error',
        title: `${pc.label}: ${call.method}(${type ?? 'description'}) called in the wrong state (${signalingStateBefore})`,
        explanation: wrongStateExplanation(call.method, type, signalingStateBefore, result, localOfferSet),
        fix:
          'Follow the order offerer: createOffer → setLocalDescription → (send) … setRemoteDescription(answer); answerer: setRemoteDescription(offer) → createAnswer → setLocalDescription → (send). ' +
          'Give each description to the other peer only, once, and check that your signalling does not deliver a message back to its sender.',
        evidence: [call.seq, result.seq],
        pc: pc.pc,
        selection: { kind: 'pc', pc: pc.pc },
      });
    }
  }
  return findings;
}

function wrongStateExplanation(method: string, type: string | null, before: string, result: PcResultEvent & { ok: false }, localOfferSet: boolean): string {
  const said = `The browser said: "${result.error.message}".`;
  if (type === 'answer' && before === 'stable' && !localOfferSet) {
    return `${said} An answer completes an offer this connection applied with setLocalDescription, and it never applied one: its offer was created and sent, but setLocalDescription(offer) was not called.`;
  }
  if (type === 'answer' && before === 'stable') {
    return `${said} An answer completes an offer this connection made, but it had no offer pending (stable): the answer was applied twice, or it reached the wrong peer (the one that created it).`;
  }
  if (type === 'offer' && method === 'setRemoteDescription' && before === 'have-local-offer') {
    return `${said} Both peers made an offer at the same time (glare), or this peer received its own offer back.`;
  }
  return `${said} A description can only be applied in certain signaling states; this one was applied while the connection was "${before}".`;
}

function offerSdp(value: Json | undefined): string | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  return value['type'] === 'offer' && typeof value['sdp'] === 'string' ? value['sdp'] : null;
}

function descriptionType(value: Json | undefined): string | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  return typeof value['type'] === 'string' ? value['type'] : null;
}

function isRealCandidate(value: Json | undefined): boolean {
  if (typeof value === 'string') return value !== '';
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  return typeof value['candidate'] === 'string' && value['candidate'] !== '';
}
