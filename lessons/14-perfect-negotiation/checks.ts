/**
 * Lesson 14: perfect negotiation. The checks read the signalling states the
 * runtime recorded (glare is two connections in have-local-offer at once),
 * the description calls (a rollback is setLocalDescription({type:
 * 'rollback'}) or setRemoteDescription(offer) made in have-local-offer), the
 * connection states and the data channels. Goal: glare happens, exactly one
 * side (the polite one) gives its offer up, the other's offer is answered,
 * and both end stable, connected, with a message across each way.
 */
import type { Check, Verdict } from '../../sandbox/checks/types.ts';
import type { PlaygroundEvent } from '../../sandbox/log/events.ts';
import { answerAfter, firstGlare, lastRecorded, rollbacks, type Glare } from '../../sandbox/log/negotiation.ts';
import { everReached, peerConnections, type PcSummary } from '../../sandbox/log/reduce.ts';

const pending = (reason: string): Verdict => ({ status: 'pending', reason });

interface Collision {
  glare: Glare;
  /** The two connections that collided, in the order they offered. */
  pair: [PcSummary, PcSummary];
}

function collision(events: readonly PlaygroundEvent[]): Collision | null {
  const glare = firstGlare(events);
  if (!glare) return null;
  const pcs = peerConnections(events);
  const [a, b] = glare.pcs.map((n) => pcs.find((pc) => pc.pc === n));
  return a && b ? { glare, pair: [a, b] } : null;
}

const NO_GLARE =
  'No glare yet: both connections must be in have-local-offer at the same time. Create both data channels in the same moment, so both fire negotiationneeded and offer.';

/** Who gave way after the glare: the connections that rolled their own offer back. */
function gaveWay(c: Collision): PcSummary[] {
  return c.pair.filter((pc) => rollbacks(pc).some((r) => r.call.seq > c.glare.seq));
}

const glareHappened: Check = {
  id: 'glare',
  title: 'Both peers had an offer out at the same time (glare)',
  verify(events) {
    const c = collision(events);
    if (!c) return pending(NO_GLARE);
    return { status: 'passed', detail: `${c.pair[0].label} and ${c.pair[1].label} were both in have-local-offer.` };
  },
};

const politeRolledBack: Check = {
  id: 'polite-rolled-back',
  title: 'The polite peer rolled its offer back and answered',
  verify(events) {
    const c = collision(events);
    if (!c) return pending(NO_GLARE);
    const yielded = gaveWay(c);
    const [polite] = yielded;
    if (!polite) {
      const stuck = c.pair.filter((pc) => lastRecorded(pc, 'signalingState') === 'have-local-offer');
      return pending(`Neither peer gave its offer up${stuck.length ? ` (${stuck.map((pc) => pc.label).join(' and ')} still in have-local-offer)` : ''}: the polite one calls setRemoteDescription(offer) anyway, which rolls its own offer back.`);
    }
    const answered = polite.descriptions.some((d) => d.side === 'local' && d.type === 'answer' && d.seq > c.glare.seq);
    if (!answered) return pending(`${polite.label} rolled back; waiting for it to answer the other offer with setLocalDescription().`);
    const both = yielded.length === 2 ? ` So did ${(yielded[1] as PcSummary).label}, which the impolite peer must not (next check).` : '';
    return { status: 'passed', detail: `${polite.label} went have-local-offer → stable and answered.${both}` };
  },
};

const impoliteIgnored: Check = {
  id: 'impolite-ignored',
  title: 'The impolite peer ignored the colliding offer, and its own offer was answered',
  verify(events) {
    const c = collision(events);
    if (!c) return pending(NO_GLARE);
    const yielded = gaveWay(c);
    if (yielded.length === 2) {
      return pending(`Both ${c.pair[0].label} and ${c.pair[1].label} answered the other's offer, so both answers arrived in stable: the impolite peer must ignore an offer that collides with its own (ignoreOffer).`);
    }
    const polite = yielded[0];
    const impolite = c.pair.find((pc) => pc !== polite) as PcSummary;
    if (!polite) return pending(`Nobody gave way yet, so ${impolite.label} has nothing to wait for: make the other peer polite.`);
    const answer = answerAfter(impolite, c.glare.seq);
    if (!answer) return pending(`${impolite.label} kept its offer; waiting for it to apply ${polite.label}'s answer.`);
    return { status: 'passed', detail: `${impolite.label} kept its offer and applied ${polite.label}'s answer.` };
  },
};

const stableAndConnected: Check = {
  id: 'stable-and-connected',
  title: 'Both peers end stable and connected',
  verify(events) {
    const c = collision(events);
    if (!c) return pending(NO_GLARE);
    for (const pc of c.pair) {
      const signaling = lastRecorded(pc, 'signalingState');
      if (signaling !== 'stable') return pending(`${pc.label} is stuck in ${signaling}.`);
    }
    for (const pc of c.pair) {
      if (!everReached(pc, 'connectionState', 'connected')) return pending(`${pc.label} is stable but ${lastRecorded(pc, 'connectionState')}: the descriptions each side applied do not match.`);
    }
    return { status: 'passed', detail: `${c.pair[0].label} and ${c.pair[1].label}: stable and connected.` };
  },
};

const messagesCrossed: Check = {
  id: 'messages-crossed',
  title: 'A data-channel message arrived on each side',
  verify(events) {
    const c = collision(events);
    if (!c) return pending(NO_GLARE);
    const silent = c.pair.filter((pc) => !pc.dataChannels.some((dc) => dc.received.count > 0));
    if (silent.length) return pending(`No message has reached ${silent.map((pc) => pc.label).join(' or ')} yet: each side sends on its channel once it opens.`);
    return { status: 'passed', detail: 'Each peer received a message.' };
  },
};

export default [glareHappened, politeRolledBack, impoliteIgnored, stableAndConnected, messagesCrossed] satisfies Check[];
