/**
 * Lesson 02: two RTCPeerConnections in one page, wired by hand.
 * Each check follows one step of the lesson and, while it waits, says which
 * step is missing.
 */
import type { Check, Verdict } from '../../sandbox/checks/types.ts';
import type { PlaygroundEvent } from '../../sandbox/log/events.ts';
import {
  type PcSummary,
  acceptedCandidates,
  crossedMessage,
  dataChannels,
  everReached,
  failedDescriptionCalls,
  messages,
  peerConnections,
  channelsThatOpened,
} from '../../sandbox/log/reduce.ts';

const pending = (reason: string): Verdict => ({ status: 'pending', reason });

/** Which connection offered and which answered, judged by the descriptions each applied. */
function roles(pcs: readonly PcSummary[]) {
  const applied = (pc: PcSummary, side: 'local' | 'remote', type: string) =>
    pc.descriptions.some((d) => d.side === side && d.type === type);
  return {
    offerer: pcs.find((pc) => applied(pc, 'local', 'offer')),
    receiver: pcs.find((pc) => applied(pc, 'remote', 'offer')),
    answerer: pcs.find((pc) => applied(pc, 'remote', 'offer') && applied(pc, 'local', 'answer')),
    completed: pcs.find((pc) => applied(pc, 'local', 'offer') && applied(pc, 'remote', 'answer')),
  };
}

function tooFew(pcs: readonly PcSummary[]): string | null {
  if (pcs.length === 0) return 'No RTCPeerConnection yet: create two with new RTCPeerConnection().';
  if (pcs.length === 1) return 'Only one RTCPeerConnection so far: this lesson needs a second one to answer.';
  return null;
}

function describeError(record: PcSummary['calls'][number], pc: PcSummary): string {
  const result = record.result;
  const error = result && !result.ok ? `${result.error.name}: ${result.error.message}` : 'it failed';
  return `${pc.label}'s ${record.call.method}() failed (${error}).`;
}

const offerAnswer: Check = {
  id: 'offer-answer',
  title: 'The offer and the answer were exchanged',
  verify(events) {
    const pcs = peerConnections(events);
    const few = tooFew(pcs);
    if (few) return pending(few);
    const { offerer, receiver, answerer, completed } = roles(pcs);
    if (completed && answerer && completed !== answerer) {
      return { status: 'passed', detail: `${completed.label} offered and ${answerer.label} answered.` };
    }
    for (const pc of pcs) {
      const failed = failedDescriptionCalls(pc)[0];
      if (failed) return pending(describeError(failed, pc));
    }
    if (!offerer) return pending('No offer yet: call createOffer() on pc 1, then setLocalDescription(offer).');
    if (!receiver) return pending(`${offerer.label} has its offer, but no other connection does: pass it to pc 2's setRemoteDescription().`);
    if (!answerer) return pending(`${receiver.label} has the offer but no answer yet: call createAnswer() on it, then setLocalDescription(answer).`);
    return pending(`${answerer.label} answered, but ${offerer.label} does not have the answer: pass it to its setRemoteDescription().`);
  },
};

const candidatesExchanged: Check = {
  id: 'candidates-exchanged',
  title: "Each peer added the other's ICE candidates",
  verify(events) {
    const pcs = peerConnections(events);
    const few = tooFew(pcs);
    if (few) return pending(few);
    const adding = pcs.filter((pc) => acceptedCandidates(pc).length > 0);
    if (adding.length >= 2) {
      const counts = adding.map((pc) => `${pc.label} added ${acceptedCandidates(pc).length}`).join(', ');
      return { status: 'passed', detail: `${counts}.` };
    }
    for (const pc of pcs) {
      const rejected = pc.addedCandidates.find((a) => a.outcome === 'error');
      if (rejected) {
        return pending(
          `${pc.label}'s addIceCandidate() failed (${rejected.error?.name}: ${rejected.error?.message}): was its remote description set first?`,
        );
      }
    }
    const missing = pcs.find((pc) => !adding.includes(pc));
    const other = pcs.find((pc) => pc !== missing);
    if (missing && other && other.candidates.length === 0) {
      return pending(`${other.label} has gathered no candidates yet: it starts once it has a local description.`);
    }
    const to = missing?.label ?? 'One peer';
    const from = other?.label ?? 'the other';
    return pending(
      `${to} has not added any of ${from}'s candidates: in ${from}'s onicecandidate handler, pass event.candidate to ${to}'s addIceCandidate().`,
    );
  },
};

function notConnectedReason(pc: PcSummary): string {
  const state = pc.states.connectionState;
  if (state === 'new') return `${pc.label} is still 'new': it needs both descriptions, the offer and the answer.`;
  if (state === 'connecting') return `${pc.label} is still 'connecting': did both sides add each other's candidates?`;
  if (state === 'failed') return `${pc.label} is 'failed': ICE found no working path; were the candidates handed across?`;
  return `${pc.label} is '${state}' and never reached 'connected'.`;
}

const bothConnected: Check = {
  id: 'both-connected',
  title: 'Both peers are connected',
  verify(events) {
    const pcs = peerConnections(events);
    const few = tooFew(pcs);
    if (few) return pending(few);
    const connected = pcs.filter((pc) => everReached(pc, 'connectionState', 'connected'));
    if (connected.length >= 2) {
      return { status: 'passed', detail: `${connected.map((pc) => pc.label).join(' and ')} reached 'connected'.` };
    }
    const waiting = pcs.find((pc) => !connected.includes(pc));
    return pending(waiting ? notConnectedReason(waiting) : 'Waiting for the connections.');
  },
};

function quote(text: string | undefined): string {
  const value = text ?? '';
  return `"${value.length > 40 ? `${value.slice(0, 39)}…` : value}"`;
}

function labelOf(pcs: readonly PcSummary[], pc: number | undefined): string {
  return pcs.find((summary) => summary.pc === pc)?.label ?? `pc ${pc}`;
}

function messageReason(events: readonly PlaygroundEvent[]): string {
  const channels = dataChannels(events);
  if (channels.length === 0) return 'No data channel: create one with pc1.createDataChannel() before making the offer.';
  if (channelsThatOpened(channels).length === 0) return 'The data channel has not opened yet: it opens once the peers connect.';
  const sent = messages(events, 'sent');
  if (sent.length === 0) return 'The channel is open but nothing was sent: call send() in its onopen handler.';
  const received = messages(events, 'received');
  const last = sent[sent.length - 1];
  const from = labelOf(peerConnections(events), last?.pc);
  if (received.length === 0) return `${from} sent ${quote(last?.preview)} but nothing has arrived on the other side yet.`;
  return `A message arrived, but not as the text that was sent: send a string, e.g. ${quote('Hello from pc1!')}.`;
}

const messageArrived: Check = {
  id: 'message-arrived',
  title: 'A message crossed the data channel',
  verify(events) {
    const crossed = crossedMessage(events);
    if (crossed) {
      const pcs = peerConnections(events);
      const to = labelOf(pcs, crossed.received.pc);
      return { status: 'passed', detail: `${to} received ${quote(crossed.received.preview)} from ${labelOf(pcs, crossed.sent.pc)}.` };
    }
    return pending(messageReason(events));
  },
};

export default [offerAnswer, candidatesExchanged, bothConnected, messageArrived] satisfies Check[];
