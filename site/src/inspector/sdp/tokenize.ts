/**
 * Our own SDP tokenizer: it keeps what the `sdp` package throws away — each
 * line's number, the section it belongs to and that section's mid — so the
 * inspector can point at a line (and the munging view at a browser's error).
 *
 * It never throws and never drops a line: whatever the input (LF or CRLF,
 * truncated, binary noise, a huge line), every line comes back with its
 * number, and lines that are not `x=value` are kept with type ''.
 */

export type SectionRef = 'session' | number;

export interface SdpLine {
  /** 1-based, as an editor counts. */
  number: number;
  /** The line without its terminator. */
  text: string;
  /** 'session' before the first m= line, else the m-section index from 0. */
  section: SectionRef;
  /** The mid of the line's m-section (its a=mid line), null for the session part or when absent. */
  mid: string | null;
  /** The letter before '=' (v, o, s, t, c, b, m, a, …); '' when the line is not `<letter>=…`. */
  type: string;
  /** Everything after '=' ('' when type is ''). */
  value: string;
  /** For a= lines, the attribute name (before the first ':'); else null. */
  attribute: string | null;
  /** For a= lines, the text after the first ':'; null for flag attributes such as a=rtcp-mux. */
  attributeValue: string | null;
}

export interface MediaSection {
  index: number;
  /** From the m= line: audio, video, application, …; '' when it cannot be read. */
  kind: string;
  /** The m= port; 0 means the section is rejected (or stopped). NaN when unreadable. */
  port: number;
  protocol: string;
  /** The formats listed on the m= line (payload types for RTP, "webrtc-datachannel" for data). */
  formats: string[];
  mid: string | null;
  /** sendrecv/sendonly/recvonly/inactive when the section says so, else null (meaning sendrecv). */
  direction: string | null;
  lines: SdpLine[];
}

export interface TokenizedSdp {
  lines: SdpLine[];
  session: SdpLine[];
  media: MediaSection[];
  /** How lines were terminated: SDP requires CRLF; browsers accept LF. */
  lineEnding: 'crlf' | 'lf' | 'mixed' | 'none';
}

const DIRECTIONS = new Set(['sendrecv', 'sendonly', 'recvonly', 'inactive']);

export function tokenize(input: string): TokenizedSdp {
  const text = typeof input === 'string' ? input : '';
  const rawLines = text.split(/\r\n|\n|\r/);
  // A final terminator leaves one empty string behind: it is not a line.
  if (rawLines.length > 0 && rawLines[rawLines.length - 1] === '') rawLines.pop();

  const lines: SdpLine[] = [];
  const session: SdpLine[] = [];
  const media: MediaSection[] = [];
  let current: MediaSection | null = null;

  rawLines.forEach((raw, i) => {
    const line = readLine(raw, i + 1, current ? current.index : 'session');
    if (line.type === 'm') {
      current = mediaSection(line, media.length);
      line.section = current.index;
      media.push(current);
    }
    lines.push(line);
    if (current) {
      current.lines.push(line);
      if (line.attribute === 'mid' && current.mid === null) current.mid = line.attributeValue ?? '';
      if (line.type === 'a' && line.attributeValue === null && DIRECTIONS.has(line.attribute ?? '')) {
        current.direction = line.attribute;
      }
    } else {
      session.push(line);
    }
  });
  // The mid is known only once its section has been read.
  for (const section of media) for (const line of section.lines) line.mid = section.mid;

  return { lines, session, media, lineEnding: lineEnding(text) };
}

function readLine(text: string, number: number, section: SectionRef): SdpLine {
  const line: SdpLine = { number, text, section, mid: null, type: '', value: '', attribute: null, attributeValue: null };
  // SDP types are one letter; tolerate stray spaces only by not recognising the line.
  if (text.length < 2 || text[1] !== '=' || !/^[a-zA-Z]$/.test(text[0] ?? '')) return line;
  line.type = text[0] ?? '';
  line.value = text.slice(2);
  if (line.type === 'a') {
    const colon = line.value.indexOf(':');
    line.attribute = colon === -1 ? line.value : line.value.slice(0, colon);
    line.attributeValue = colon === -1 ? null : line.value.slice(colon + 1);
  }
  return line;
}

function mediaSection(line: SdpLine, index: number): MediaSection {
  const parts = line.value.split(' ');
  const port = parts[1] === undefined ? Number.NaN : Number.parseInt(parts[1], 10);
  return {
    index,
    kind: parts[0] ?? '',
    port,
    protocol: parts[2] ?? '',
    formats: parts.slice(3).filter((f) => f !== ''),
    mid: null,
    direction: null,
    lines: [],
  };
}

function lineEnding(text: string): TokenizedSdp['lineEnding'] {
  const crlf = (text.match(/\r\n/g) ?? []).length;
  const lf = (text.match(/\n/g) ?? []).length - crlf;
  if (crlf === 0 && lf === 0) return 'none';
  if (lf === 0) return 'crlf';
  return crlf === 0 ? 'lf' : 'mixed';
}

/** The lines of one section ('session' or an m-section index). */
export function sectionLines(sdp: TokenizedSdp, section: SectionRef): SdpLine[] {
  return section === 'session' ? sdp.session : (sdp.media[section]?.lines ?? []);
}

/** The media section with this mid, if any. */
export function sectionByMid(sdp: TokenizedSdp, mid: string): MediaSection | undefined {
  return sdp.media.find((section) => section.mid === mid);
}
