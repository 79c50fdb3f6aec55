/**
 * How long the SDP inspector takes to tokenize and annotate the largest
 * recorded description (target: under 5 ms), against the `sdp` package
 * splitting the same text into lines and parsing each with its own per-line
 * parser (what we build on, without our line numbers and explanations).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import SDPUtils from 'sdp';
import { annotate } from '../../site/src/inspector/sdp/annotate.ts';
import type { BenchRow } from './types.ts';

const DIRS = ['../fixtures/sdp/', '../unit/inspector/sdp/fixtures/'].map((d) => fileURLToPath(new URL(d, import.meta.url)));

function largestFixture(): { name: string; text: string } {
  const files = DIRS.flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.sdp')).map((f) => dir + f));
  const largest = files.sort((a, b) => statSync(b).size - statSync(a).size)[0];
  if (!largest) throw new Error('No .sdp fixtures found.');
  return { name: largest.split('/').pop() ?? largest, text: readFileSync(largest, 'utf8') };
}

/** Median milliseconds of `runs` calls after `warmup` unmeasured ones. */
function median(work: () => unknown, runs = 400, warmup = 100): number {
  for (let i = 0; i < warmup; i += 1) work();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}

const PARSERS: Array<[string, (line: string) => unknown]> = [
  ['a=candidate:', SDPUtils.parseCandidate],
  ['a=rtpmap:', SDPUtils.parseRtpMap],
  ['a=fmtp:', SDPUtils.parseFmtp],
  ['a=rtcp-fb:', SDPUtils.parseRtcpFb],
  ['a=extmap:', SDPUtils.parseExtmap],
  ['a=ssrc:', SDPUtils.parseSsrcMedia],
  ['a=ssrc-group:', SDPUtils.parseSsrcGroup],
  ['a=fingerprint:', SDPUtils.parseFingerprint],
];

/** The baseline: the sdp package's splitLines, then its parser for each line it has one for. */
function sdpPackageParse(text: string): number {
  let parsed = 0;
  for (const line of SDPUtils.splitLines(text)) {
    const parser = PARSERS.find(([prefix]) => line.startsWith(prefix));
    if (parser) {
      parser[1](line);
      parsed += 1;
    }
  }
  return parsed;
}

export async function bench(): Promise<BenchRow[]> {
  const { name, text } = largestFixture();
  const lines = annotate(text).lines.length;
  const ours = median(() => annotate(text));
  const theirs = median(() => sdpPackageParse(text));
  const huge = `v=0\r\na=x-huge:${'A'.repeat(200 * 1024)}\r\n${text}`;
  const hugeTime = median(() => annotate(huge), 100, 20);
  return [
    {
      name: `tokenize+annotate ${name} (${lines} lines, ${(text.length / 1024).toFixed(1)} KB), median`,
      value: ours,
      unit: 'ms',
      target: '< 5 ms',
      baseline: { name: 'sdp splitLines+parse', value: theirs },
    },
    { name: 'tokenize+annotate the same with a 200 KB line added, median', value: hugeTime, unit: 'ms' },
  ];
}
