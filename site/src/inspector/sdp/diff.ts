/**
 * Semantic diffs: offer ↔ answer per mid (what was agreed), and between two
 * successive descriptions of one side (what a renegotiation changed).
 */
import { codecIntersection, type IntersectedCodec } from './codecs.ts';
import type { MediaSection, SdpLine, TokenizedSdp } from './tokenize.ts';

export interface HeaderExtensionDiff {
  uri: string;
  id: string;
  /** True when the answer has the same URI: the extension will be used. */
  kept: boolean;
}

export interface SectionAgreement {
  index: number;
  mid: string | null;
  kind: string;
  offerDirection: string;
  answerDirection: string;
  /** The answer set port 0 (or has no section at this index). */
  rejected: boolean;
  /** a=setup in the answer, and what it makes each side. */
  answerSetup: string | null;
  dtls: { offerer: 'client' | 'server'; answerer: 'client' | 'server' } | null;
  extensions: HeaderExtensionDiff[];
  codecs: IntersectedCodec[];
}

/** The value of the first `a=<name>` in the section, or else in the session part. */
export function attributeValue(sdp: TokenizedSdp, section: MediaSection | undefined, name: string): string | null {
  const find = (lines: SdpLine[]) => lines.find((line) => line.attribute === name);
  const line = (section ? find(section.lines) : undefined) ?? find(sdp.session);
  return line ? (line.attributeValue ?? '') : null;
}

function directionOf(sdp: TokenizedSdp, section: MediaSection): string {
  if (section.direction) return section.direction;
  const session = sdp.session.find((line) => line.attributeValue === null && ['sendrecv', 'sendonly', 'recvonly', 'inactive'].includes(line.attribute ?? ''));
  return session?.attribute ?? 'sendrecv';
}

function extensions(section: MediaSection): Map<string, string> {
  const map = new Map<string, string>();
  for (const line of section.lines) {
    if (line.attribute !== 'extmap') continue;
    const [id = '', uri = ''] = (line.attributeValue ?? '').split(' ');
    if (uri) map.set(uri, id.split('/')[0] ?? id);
  }
  return map;
}

/**
 * Why a text cannot be compared section by section, or null when it can: a
 * description starts with v=0 and has an o= line, and every m= line names a
 * port and a protocol. Garbage ("hello world") still tokenizes; comparing it
 * would invent DTLS roles and directions that nothing stated.
 */
export function notComparable(sdp: TokenizedSdp): string | null {
  const first = sdp.lines.find((line) => line.text.trim() !== '');
  if (first?.text.trim() !== 'v=0') return `it does not start with v=0 (it starts with ${JSON.stringify((first?.text ?? '').slice(0, 40))})`;
  if (!sdp.session.some((line) => line.type === 'o')) return 'it has no o= line';
  const broken = sdp.media.find((section) => Number.isNaN(section.port) || section.protocol === '');
  if (broken) return `its m=${broken.kind} line has no port or protocol`;
  return null;
}

/** Sections are matched by index (JSEP keeps m-line order); the mid is reported for people. */
export function offerAnswerDiff(offer: TokenizedSdp, answer: TokenizedSdp): SectionAgreement[] {
  return offer.media.map((offered, index) => {
    const answered = answer.media[index];
    const rejected = !answered || answered.port === 0;
    const setup = answered ? attributeValue(answer, answered, 'setup') : null;
    const answererRole = setup === 'active' ? 'client' : setup === 'passive' ? 'server' : null;
    const answeredExtensions = answered ? extensions(answered) : new Map<string, string>();
    return {
      index,
      mid: offered.mid,
      kind: offered.kind,
      offerDirection: directionOf(offer, offered),
      answerDirection: answered ? directionOf(answer, answered) : 'inactive',
      rejected,
      answerSetup: setup,
      dtls: answererRole ? { answerer: answererRole, offerer: answererRole === 'client' ? 'server' : 'client' } : null,
      extensions: [...extensions(offered)].map(([uri, id]) => ({ uri, id, kept: !rejected && answeredExtensions.has(uri) })),
      codecs: answered ? codecIntersection(offered, answered) : [],
    };
  });
}

export interface SectionChange {
  mid: string | null;
  kind: string;
  what: 'added' | 'removed' | 'rejected' | 'revived' | 'direction' | 'ice-restart' | 'fingerprint' | 'codecs';
  before: string;
  after: string;
}

export interface RenegotiationDiff {
  sessionIdBefore: string | null;
  sessionIdAfter: string | null;
  versionBefore: string | null;
  versionAfter: string | null;
  /** True when o= was bumped (a later description that changes something must raise it). */
  versionRaised: boolean;
  /** ufrag or pwd changed in some section: an ICE restart. */
  iceRestart: boolean;
  changes: SectionChange[];
}

function origin(sdp: TokenizedSdp): { id: string | null; version: string | null } {
  const parts = sdp.lines.find((line) => line.type === 'o')?.value.split(' ') ?? [];
  return { id: parts[1] ?? null, version: parts[2] ?? null };
}

const key = (section: MediaSection) => section.mid ?? `#${section.index}`;

export function renegotiationDiff(before: TokenizedSdp, after: TokenizedSdp): RenegotiationDiff {
  const b = origin(before);
  const a = origin(after);
  const changes: SectionChange[] = [];
  const old = new Map(before.media.map((s) => [key(s), s]));
  const current = new Map(after.media.map((s) => [key(s), s]));
  for (const [k, section] of old) {
    if (!current.has(k)) changes.push({ mid: section.mid, kind: section.kind, what: 'removed', before: section.kind, after: '' });
  }
  for (const [k, section] of current) {
    const previous = old.get(k);
    if (!previous) {
      changes.push({ mid: section.mid, kind: section.kind, what: 'added', before: '', after: section.kind });
      continue;
    }
    const change = (what: SectionChange['what'], x: string | null, y: string | null) => {
      if ((x ?? '') !== (y ?? '')) changes.push({ mid: section.mid, kind: section.kind, what, before: x ?? '', after: y ?? '' });
    };
    if (previous.port !== 0 && section.port === 0) change('rejected', String(previous.port), '0');
    if (previous.port === 0 && section.port !== 0) change('revived', '0', String(section.port));
    change('direction', directionOf(before, previous), directionOf(after, section));
    const credentials = (sdp: TokenizedSdp, s: MediaSection) => `${attributeValue(sdp, s, 'ice-ufrag') ?? ''} / ${attributeValue(sdp, s, 'ice-pwd') ?? ''}`;
    change('ice-restart', credentials(before, previous), credentials(after, section));
    change('fingerprint', attributeValue(before, previous, 'fingerprint'), attributeValue(after, section, 'fingerprint'));
    change('codecs', previous.formats.join(' '), section.formats.join(' '));
  }
  return {
    sessionIdBefore: b.id,
    sessionIdAfter: a.id,
    versionBefore: b.version,
    versionAfter: a.version,
    versionRaised: b.version !== null && a.version !== null && safeBig(a.version) > safeBig(b.version),
    iceRestart: changes.some((c) => c.what === 'ice-restart'),
    changes,
  };
}

function safeBig(text: string): bigint {
  return /^\d+$/.test(text) ? BigInt(text) : -1n;
}
