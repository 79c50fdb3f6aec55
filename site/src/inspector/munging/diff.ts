/**
 * The exact, line-by-line difference between the description the browser
 * made (or received) and the one the learner applied. Lines are compared as
 * text without their terminators, so CRLF vs LF alone is no difference (the
 * view puts CRLF back before applying); everything else, spaces included, is.
 * Pure, never throws.
 */

export interface DiffLine {
  kind: 'same' | 'removed' | 'added';
  text: string;
  /** 1-based line in the original (same, removed). */
  before?: number;
  /** 1-based line in the edited text (same, added). */
  after?: number;
}

/** Beyond this many cells (lines × lines) of the changed middle, the diff stops looking for common lines. */
const MAX_CELLS = 4_000_000;

export function splitLines(text: string): string[] {
  const lines = text.split(/\r\n|\n|\r/);
  // A final terminator is not an empty last line.
  if (lines.length > 1 && lines.at(-1) === '') lines.pop();
  return text === '' ? [] : lines;
}

export function diffLines(original: string, edited: string): DiffLine[] {
  const a = splitLines(original);
  const b = splitLines(edited);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }

  const out: DiffLine[] = [];
  for (let i = 0; i < start; i++) out.push({ kind: 'same', text: a[i]!, before: i + 1, after: i + 1 });
  out.push(...middle(a, b, start, endA, endB));
  for (let i = endA, j = endB; i < a.length; i++, j++) out.push({ kind: 'same', text: a[i]!, before: i + 1, after: j + 1 });
  return out;
}

/** Longest common subsequence of the differing middle; removals before additions where they interleave. */
function middle(a: string[], b: string[], start: number, endA: number, endB: number): DiffLine[] {
  const n = endA - start;
  const m = endB - start;
  const out: DiffLine[] = [];
  if (n * m > MAX_CELLS) {
    for (let i = start; i < endA; i++) out.push({ kind: 'removed', text: a[i]!, before: i + 1 });
    for (let j = start; j < endB; j++) out.push({ kind: 'added', text: b[j]!, after: j + 1 });
    return out;
  }
  // lcs[i][j] = length of the LCS of a[start+i..endA) and b[start+j..endB).
  const width = m + 1;
  const lcs = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * width + j] =
        a[start + i] === b[start + j] ? lcs[(i + 1) * width + j + 1]! + 1 : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!);
    }
  }
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[start + i] === b[start + j]) {
      out.push({ kind: 'same', text: a[start + i]!, before: start + i + 1, after: start + j + 1 });
      i++;
      j++;
    } else if (j >= m || (i < n && lcs[(i + 1) * width + j]! >= lcs[i * width + j + 1]!)) {
      out.push({ kind: 'removed', text: a[start + i]!, before: start + i + 1 });
      i++;
    } else {
      out.push({ kind: 'added', text: b[start + j]!, after: start + j + 1 });
      j++;
    }
  }
  return out;
}

/** True when the texts differ in more than line endings. */
export function isEdited(original: string, edited: string): boolean {
  return diffLines(original, edited).some((line) => line.kind !== 'same');
}

/**
 * A <textarea> turns every line ending into LF. SDP wants CRLF, so when the
 * original used CRLF the edited text gets CRLF back (and its final one, if the
 * original ended with one); an original with LF only is left as the learner typed.
 */
export function withOriginalLineEndings(original: string, edited: string): string {
  if (!original.includes('\r\n')) return edited;
  let text = edited.replace(/\r\n|\r|\n/g, '\r\n');
  if (original.endsWith('\r\n') && text !== '' && !text.endsWith('\r\n')) text += '\r\n';
  return text;
}
