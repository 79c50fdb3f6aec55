/**
 * The offer ↔ answer agreement per mid, and the renegotiation diff, as tables.
 */
import type { RenegotiationDiff, SectionAgreement } from './diff.ts';
import { el, table } from '../dom.ts';
import { extensionName } from './vocabulary.ts';

export function agreementElement(sections: SectionAgreement[]): HTMLElement {
  const box = el('section', 'sdp-diff');
  box.setAttribute('aria-label', 'Offer and answer compared');
  box.append(el('h4', 'sdp-block-title', 'Offer ↔ answer, per mid'));
  const rows = sections.map((s) => {
    const codecs = s.codecs.filter((c) => c.survived).map((c) => `${c.codec} (${c.pt})`);
    const kept = s.extensions.filter((e) => e.kept).map((e) => extensionName(e.uri));
    const dropped = s.extensions.filter((e) => !e.kept).map((e) => extensionName(e.uri));
    return [
      s.mid ?? `#${s.index}`,
      s.kind,
      s.rejected ? 'rejected (port 0)' : `${s.offerDirection} → ${s.answerDirection}`,
      s.dtls ? `answerer is DTLS ${s.dtls.answerer}, offerer ${s.dtls.offerer} (a=setup:${s.answerSetup})` : s.answerSetup ? `a=setup:${s.answerSetup}` : 'not stated',
      s.codecs.length === 0 ? '—' : codecs.length === 0 ? 'none survived' : codecs.join(', '),
      s.extensions.length === 0 ? '—' : `kept: ${kept.join(', ') || 'none'}${dropped.length ? `; dropped: ${dropped.join(', ')}` : ''}`,
    ];
  });
  box.append(table('What the answer agreed to, section by section', ['mid', 'kind', 'direction', 'DTLS role', 'codecs kept', 'header extensions'], rows));
  return box;
}

const WHAT: Record<string, string> = {
  added: 'section added',
  removed: 'section removed',
  rejected: 'section rejected or stopped (port 0)',
  revived: 'section back in use',
  direction: 'direction changed',
  'ice-restart': 'ICE credentials changed: an ICE restart',
  fingerprint: 'DTLS certificate changed',
  codecs: 'payload types changed',
};

export function renegotiationElement(diff: RenegotiationDiff, previousTitle: string): HTMLElement {
  const box = el('section', 'sdp-diff');
  box.setAttribute('aria-label', 'Changes since the previous description');
  box.append(el('h4', 'sdp-block-title', `Changes since ${previousTitle}`));
  const summary = el('p', 'sdp-note');
  const version = `o= version ${diff.versionBefore ?? '?'} → ${diff.versionAfter ?? '?'}${diff.versionRaised ? ' (raised: this side changed something)' : ' (not raised)'}`;
  const session = diff.sessionIdBefore !== diff.sessionIdAfter ? '; the session id changed too: this is a different session, not a renegotiation' : '';
  summary.textContent = `${version}${session}.${diff.iceRestart ? ' ICE restarted: new ufrag/pwd, so candidates are gathered and checked again.' : ''}`;
  box.append(summary);
  if (diff.changes.length === 0) {
    box.append(el('p', 'sdp-note', 'No section changed.'));
  } else {
    box.append(
      table(
        'What changed, per mid',
        ['mid', 'kind', 'change', 'before', 'after'],
        diff.changes.map((c) => [c.mid ?? '(none)', c.kind, WHAT[c.what] ?? c.what, c.before, c.after]),
      ),
    );
  }
  return box;
}
