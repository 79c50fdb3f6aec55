/**
 * Find the line a browser's setLocal/RemoteDescription error is about.
 * Chromium quotes the offending line ("Failed to parse SessionDescription.
 * a=rtpmap:abc Invalid value: abc"), a value from it, or the section's mid
 * ("… for m-section with mid='1'"); this looks for each in that order.
 */
import { tokenize, type TokenizedSdp } from './tokenize.ts';

export function locateSdpError(errorMessage: string, sdp: string | TokenizedSdp): number | null {
  if (typeof errorMessage !== 'string' || errorMessage === '') return null;
  // The DOM prefix quotes the method and interface names, which are no SDP values.
  const message = errorMessage.replace(/^Failed to execute '[^']*' on '[^']*':\s*/, '');
  const parsed = typeof sdp === 'string' ? tokenize(sdp) : sdp;

  // 1. A whole line quoted in the message: the longest one wins (short lines like "s=-" match by accident).
  let best: { number: number; length: number } | null = null;
  for (const line of parsed.lines) {
    const text = line.text.trim();
    if (text.length < 4 || !message.includes(text)) continue;
    if (!best || text.length > best.length) best = { number: line.number, length: text.length };
  }
  if (best) return best.number;

  // 2. A quoted value ("Invalid value: abc", "… 'abc'"): the first line of the right kind containing it.
  const value = /Invalid value: (\S+?)\.?$/.exec(message)?.[1] ?? /Invalid value: (\S+)/.exec(message)?.[1];
  const kind = /\b([a-z])=([a-z-]+)?/.exec(message);
  if (value) {
    const candidates = parsed.lines.filter((line) => line.text.includes(value));
    const sameKind = kind ? candidates.find((line) => line.text.startsWith(kind[0])) : undefined;
    const found = sameKind ?? candidates[0];
    if (found) return found.number;
  }

  // 3. A section named by its mid: the attribute the message talks about in it, else its m= line.
  const mid = /mid[=:]\s*'?([^'\s,.)]+)'?/.exec(message)?.[1];
  const section = mid === undefined ? undefined : parsed.media.find((s) => s.mid === mid);
  const topic = TOPICS.find(([pattern]) => pattern.test(message))?.[1];
  const lines = section ? section.lines : parsed.lines;
  const about = topic ? lines.find((line) => line.attribute === topic) : undefined;
  if (about) return about.number;
  if (section?.lines[0]) return section.lines[0].number;

  // 4. Only a line prefix quoted (e.g. "a=fingerprint"): the first line that starts with it.
  if (kind) {
    const prefixed = parsed.lines.find((line) => line.text.startsWith(kind[0]));
    if (prefixed && kind[2]) return prefixed.number;
  }
  return null;
}

/** Words in Chromium's messages → the attribute they are about. */
const TOPICS: Array<[RegExp, string]> = [
  [/ufrag/i, 'ice-ufrag'],
  [/\bpwd\b|password/i, 'ice-pwd'],
  [/fingerprint/i, 'fingerprint'],
  [/DTLS role|\bsetup\b/i, 'setup'],
  [/BUNDLE/, 'group'],
  [/rtcp-mux/i, 'rtcp-mux'],
];
