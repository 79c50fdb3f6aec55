/**
 * What the annotator says about a line: plain data (strings), never markup.
 */
import type { SdpLine } from './tokenize.ts';

/** One field of a dense line (candidate, rtpmap, fmtp, …) and what it means. */
export interface Field {
  name: string;
  value: string;
  meaning: string;
}

/** ok: a line WebRTC uses; unknown: well-formed but not something WebRTC uses; malformed: cannot be read. */
export type LineStatus = 'ok' | 'unknown' | 'malformed';

export interface Explanation {
  /** One or two sentences in plain words. Never empty. */
  summary: string;
  /** Where it is specified, e.g. "RFC 8839 §5.1"; null when no RFC defines it (browser extensions). */
  rfc: string | null;
  status: LineStatus;
  fields: Field[];
}

export interface AnnotatedLine extends Explanation {
  line: SdpLine;
}

export const ok = (summary: string, rfc: string | null, fields: Field[] = []): Explanation => ({
  summary,
  rfc,
  status: 'ok',
  fields,
});

export const malformed = (expected: string, rfc: string | null): Explanation => ({
  summary: `Malformed: expected ${expected}. The browser would reject this description or ignore the line.`,
  rfc,
  status: 'malformed',
  fields: [],
});

export const field = (name: string, value: string | number | undefined, meaning: string): Field => ({
  name,
  value: value === undefined ? '' : String(value),
  meaning,
});
