/**
 * Cross-links between lines: a payload type ↔ its rtpmap/fmtp/rtcp-fb lines ↔
 * the rtx payload type whose apt= names it; a mid ↔ the BUNDLE group; an ssrc
 * ↔ its ssrc lines, FID/SIM groups and the section's msid.
 */
import type { MediaSection, SdpLine, TokenizedSdp } from './tokenize.ts';

export interface LineLink {
  /** What links them, for people: "payload type 96 (VP8)", "mid 1", "ssrc 1234". */
  label: string;
  /** The related line numbers (1-based), in order; may include the line itself. */
  lines: number[];
}

const PT_ATTRIBUTES = new Set(['rtpmap', 'fmtp', 'rtcp-fb']);

/** The payload type a rtpmap/fmtp/rtcp-fb line is about, or null. */
export function payloadTypeOf(line: SdpLine): string | null {
  if (!PT_ATTRIBUTES.has(line.attribute ?? '')) return null;
  const match = /^(\d+|\*)(\s|$)/.exec(line.attributeValue ?? '');
  return match?.[1] ?? null;
}

/** The payload type whose packets `pt` retransmits (its fmtp apt=), if it is an rtx payload type. */
export function aptOf(section: MediaSection, pt: string): string | null {
  for (const line of section.lines) {
    if (line.attribute === 'fmtp' && payloadTypeOf(line) === pt) {
      const match = /(?:^|[ ;])apt=(\d+)/.exec(line.attributeValue ?? '');
      if (match?.[1]) return match[1];
    }
  }
  return null;
}

/** The rtx payload type that retransmits `pt`, if any. */
export function rtxFor(section: MediaSection, pt: string): string | null {
  for (const format of section.formats) if (format !== pt && aptOf(section, format) === pt) return format;
  return null;
}

/** Every line about `pt`: its rtpmap, fmtp and rtcp-fb lines, then those of its rtx payload type. */
export function payloadTypeLines(section: MediaSection, pt: string): number[] {
  const own = (p: string) => section.lines.filter((line) => payloadTypeOf(line) === p).map((line) => line.number);
  const rtx = rtxFor(section, pt);
  return [...own(pt), ...(rtx ? own(rtx) : [])];
}

function codecName(section: MediaSection, pt: string): string | null {
  const line = section.lines.find((l) => l.attribute === 'rtpmap' && payloadTypeOf(l) === pt);
  return line ? (line.attributeValue ?? '').split(' ')[1]?.split('/')[0] ?? null : null;
}

function ptLink(section: MediaSection, pt: string): LineLink {
  const name = codecName(section, pt);
  return { label: `payload type ${pt}${name ? ` (${name})` : ''}`, lines: payloadTypeLines(section, pt) };
}

/** The links of one line (empty when it has none). */
export function linksOf(sdp: TokenizedSdp, line: SdpLine): LineLink[] {
  const section = typeof line.section === 'number' ? sdp.media[line.section] : undefined;
  const links: LineLink[] = [];
  if (line.type === 'm' && section) {
    for (const pt of section.formats) if (/^\d+$/.test(pt)) links.push(ptLink(section, pt));
  }
  const pt = payloadTypeOf(line);
  if (pt && pt !== '*' && section) {
    links.push(ptLink(section, pt));
    const apt = aptOf(section, pt);
    if (apt) links.push({ ...ptLink(section, apt), label: `retransmits ${ptLink(section, apt).label}` });
  }
  if (line.attribute === 'mid' && line.attributeValue !== null) {
    links.push(...groupLinks(sdp, line.attributeValue));
  }
  if (line.attribute === 'group') {
    for (const mid of (line.attributeValue ?? '').split(' ').slice(1)) {
      const target = sdp.media.find((s) => s.mid === mid);
      if (target) links.push({ label: `mid ${mid} (${target.kind})`, lines: target.lines.filter((l) => l.type === 'm' || l.attribute === 'mid').map((l) => l.number) });
    }
  }
  if (section && (line.attribute === 'ssrc' || line.attribute === 'ssrc-group')) {
    const ssrcs = line.attribute === 'ssrc' ? [(line.attributeValue ?? '').split(' ')[0] ?? ''] : (line.attributeValue ?? '').split(' ').slice(1);
    for (const ssrc of ssrcs) if (ssrc) links.push(ssrcLink(section, ssrc));
  }
  if (section && line.attribute === 'msid') {
    const ssrcLines = section.lines.filter((l) => l.attribute === 'ssrc' && / msid:/.test(l.attributeValue ?? ''));
    if (ssrcLines.length > 0) links.push({ label: 'ssrc lines with this msid', lines: ssrcLines.map((l) => l.number) });
  }
  return links;
}

function groupLinks(sdp: TokenizedSdp, mid: string): LineLink[] {
  return sdp.session
    .filter((l) => l.attribute === 'group' && (l.attributeValue ?? '').split(' ').slice(1).includes(mid))
    .map((l) => ({ label: `${(l.attributeValue ?? '').split(' ')[0]} group`, lines: [l.number] }));
}

function ssrcLink(section: MediaSection, ssrc: string): LineLink {
  const lines = section.lines.filter((l) => {
    if (l.attribute === 'ssrc') return (l.attributeValue ?? '').split(' ')[0] === ssrc;
    if (l.attribute === 'ssrc-group') return (l.attributeValue ?? '').split(' ').slice(1).includes(ssrc);
    return l.attribute === 'msid';
  });
  return { label: `ssrc ${ssrc}`, lines: lines.map((l) => l.number) };
}
