/**
 * The codec table of an m-section, and which codecs survived offer ∩ answer.
 * RTX payload types are folded into the row of the codec they retransmit.
 */
import { aptOf, payloadTypeOf, rtxFor } from './links.ts';
import type { MediaSection } from './tokenize.ts';

export interface CodecRow {
  pt: string;
  /** From a=rtpmap; '' when the payload type has no rtpmap line (static types such as 0 may omit it). */
  codec: string;
  clockRate: number | null;
  channels: number | null;
  /** The fmtp parameters as written, '' when none. */
  fmtp: string;
  /** rtcp-fb entries, e.g. ["nack", "nack pli", "transport-cc"]. */
  feedback: string[];
  /** The payload type that retransmits this one (rtx), if any. */
  rtxPt: string | null;
  /** Lines describing this codec (rtpmap, fmtp, rtcp-fb, and its rtx's). */
  lines: number[];
}

export interface IntersectedCodec extends CodecRow {
  /** True when the answer kept this payload type with the same codec. */
  survived: boolean;
}

export function codecTable(section: MediaSection): CodecRow[] {
  const rows: CodecRow[] = [];
  for (const pt of section.formats) {
    if (!/^\d+$/.test(pt) || aptOf(section, pt) !== null) continue;
    const lines = section.lines.filter((line) => payloadTypeOf(line) === pt);
    const rtpmap = lines.find((line) => line.attribute === 'rtpmap');
    const [, encoding = ''] = (rtpmap?.attributeValue ?? '').split(' ');
    const [codec = '', clock, channels] = encoding.split('/');
    const rtxPt = rtxFor(section, pt);
    const rtxLines = rtxPt ? section.lines.filter((line) => payloadTypeOf(line) === rtxPt) : [];
    const fmtp = lines.find((line) => line.attribute === 'fmtp');
    rows.push({
      pt,
      codec,
      clockRate: clock ? toNumber(clock) : null,
      channels: channels ? toNumber(channels) : clock ? 1 : null,
      fmtp: (fmtp?.attributeValue ?? '').replace(/^\S+\s*/, ''),
      feedback: lines.filter((line) => line.attribute === 'rtcp-fb').map((line) => (line.attributeValue ?? '').replace(/^\S+\s*/, '')),
      rtxPt,
      lines: [...lines, ...rtxLines].map((line) => line.number),
    });
  }
  // Feedback for every payload type ('*') applies to each row.
  const wildcard = section.lines.filter((line) => line.attribute === 'rtcp-fb' && payloadTypeOf(line) === '*');
  for (const row of rows) for (const line of wildcard) row.feedback.push((line.attributeValue ?? '').replace(/^\S+\s*/, ''));
  return rows;
}

function toNumber(text: string): number | null {
  const n = Number.parseInt(text, 10);
  return Number.isNaN(n) ? null : n;
}

/**
 * The offer's codecs, each marked survived when the answer lists the same
 * payload type for the same codec (JSEP answers reuse the offer's numbers).
 * A rejected answer section (port 0) keeps nothing.
 */
export function codecIntersection(offer: MediaSection, answer: MediaSection): IntersectedCodec[] {
  const answered = new Map(codecTable(answer).map((row) => [row.pt, row]));
  const rejected = answer.port === 0;
  return codecTable(offer).map((row) => {
    const match = answered.get(row.pt);
    const same = match !== undefined && match.codec.toLowerCase() === row.codec.toLowerCase() && match.clockRate === row.clockRate;
    return { ...row, survived: !rejected && same };
  });
}
