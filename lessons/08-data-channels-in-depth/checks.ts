/**
 * Lesson 08: sending a file over a data channel. The runtime records every
 * binary message's size, a running FNV-1a digest of each channel end's bytes
 * (sender and receiver agree only if the same bytes arrived in order), and the
 * channel's bufferedAmount right after each send; the learner reports the
 * SHA-256 each side computed (`sha256:sent`, `sha256:received`).
 */
import type { Check, Verdict } from '../../sandbox/checks/types.ts';
import type { DcMessageEvent, PlaygroundEvent } from '../../sandbox/log/events.ts';
import { dataChannels, messages, peerConnections, type DcSummary } from '../../sandbox/log/reduce.ts';
import { lastReport } from '../../sandbox/log/reports.ts';
import { dataChannelLimits } from '../../site/src/inspector/doctor/runtime.ts';

/** The high-water mark the lesson names: the send queue must never hold more. */
export const HIGH_WATER = 1024 * 1024;
/** Below this many bytes a transfer is not "a file" for this lesson. */
export const MIN_FILE = 1024 * 1024;
/** What a=max-message-size means when a description leaves it out (RFC 8841 §6). */
const DEFAULT_MAX_MESSAGE_SIZE = 65536;

const pending = (reason: string): Verdict => ({ status: 'pending', reason });
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MiB`;

function binary(dc: DcSummary, direction: 'sent' | 'received'): DcMessageEvent[] {
  return dc.messages.filter((m) => m.direction === direction && m.binary);
}

function totals(list: readonly DcMessageEvent[]): { bytes: number; digest: string | null } {
  const bytes = list.reduce((sum, m) => sum + m.bytes, 0);
  return { bytes, digest: list[list.length - 1]?.digestTotal ?? null };
}

/** The channel end that sent the most binary bytes, i.e. the file's sender. */
function sender(channels: readonly DcSummary[]): DcSummary | null {
  let best: DcSummary | null = null;
  for (const dc of channels) if (totals(binary(dc, 'sent')).bytes > (best ? totals(binary(best, 'sent')).bytes : 0)) best = dc;
  return best;
}

/**
 * The transfer once it is over: the sender sent at least MIN_FILE bytes and a
 * channel end on another connection received as many. Until then the checks
 * about how it was sent wait, so they judge the whole transfer, not its start.
 */
function finishedTransfer(events: readonly PlaygroundEvent[]): { from: DcSummary; bytes: number } | null {
  const channels = dataChannels(events);
  const from = sender(channels);
  if (!from) return null;
  const { bytes } = totals(binary(from, 'sent'));
  if (bytes < MIN_FILE) return null;
  const done = channels.some((dc) => dc.pc !== from.pc && totals(binary(dc, 'received')).bytes === bytes);
  return done ? { from, bytes } : null;
}

const fileArrived: Check = {
  id: 'file-arrived-intact',
  title: 'The received bytes equal the sent ones',
  verify(events) {
    const channels = dataChannels(events);
    const from = sender(channels);
    if (!from) return pending('No binary data sent yet: send the file as ArrayBuffer or Uint8Array chunks.');
    const sent = totals(binary(from, 'sent'));
    if (sent.bytes < MIN_FILE) return pending(`Only ${sent.bytes} bytes sent so far: the file should be at least 1 MiB.`);
    const receivers = channels.filter((dc) => dc.pc !== from.pc && binary(dc, 'received').length > 0);
    const got = receivers.map((dc) => ({ dc, ...totals(binary(dc, 'received')) }));
    const same = got.find((r) => r.bytes === sent.bytes && r.digest !== null && r.digest === sent.digest);
    if (same) return { status: 'passed', detail: `${mib(sent.bytes)} sent and received, digests equal (${sent.digest}).` };
    const complete = got.find((r) => r.bytes === sent.bytes && r.digest !== null);
    if (complete) {
      return {
        status: 'failed',
        reason: `All ${sent.bytes} bytes arrived, but not the same bytes in the same order (digest ${complete.digest} ≠ ${sent.digest}): is the channel ordered and reliable?`,
      };
    }
    const most = Math.max(0, ...got.map((r) => r.bytes));
    return pending(`${mib(sent.bytes)} sent, ${mib(most)} received so far.`);
  },
};

const HEX64 = /^[0-9a-f]{64}$/i;

const hashesMatch: Check = {
  id: 'sha256-match',
  title: 'Both sides reported the same SHA-256',
  verify(events) {
    const sent = lastReport(events, 'sha256:sent')?.value;
    const received = lastReport(events, 'sha256:received')?.value;
    if (sent === undefined) return pending("The sender has not reported its hash: playground.report('sha256:sent', hex) with crypto.subtle.digest('SHA-256', …).");
    if (typeof sent !== 'string' || !HEX64.test(sent)) return pending(`'sha256:sent' should be 64 hex digits, got ${JSON.stringify(sent)}.`);
    if (received === undefined) return pending("The receiver has not reported its hash yet: playground.report('sha256:received', hex) once every byte arrived.");
    if (typeof received !== 'string' || !HEX64.test(received)) return pending(`'sha256:received' should be 64 hex digits, got ${JSON.stringify(received)}.`);
    if (sent.toLowerCase() !== received.toLowerCase()) return pending(`The hashes differ: sent ${sent.slice(0, 12)}…, received ${received.slice(0, 12)}….`);
    return { status: 'passed', detail: `Both ${sent.slice(0, 16)}….` };
  },
};

const underHighWater: Check = {
  id: 'buffer-under-high-water',
  title: 'The send buffer never held more than 1 MiB',
  verify(events) {
    const sends = messages(events, 'sent').filter((m) => m.bufferedAmount !== undefined);
    const over = sends.find((m) => (m.bufferedAmount ?? 0) > HIGH_WATER);
    if (over) {
      return {
        status: 'failed',
        reason: `After one send the channel held ${over.bufferedAmount} bytes, more than 1 MiB (${HIGH_WATER}): wait for bufferedamountlow before sending more.`,
      };
    }
    const done = finishedTransfer(events);
    if (!done) return pending('Waiting for the whole file (at least 1 MiB) to be sent and received.');
    const bytes = done.bytes;
    const peak = Math.max(...sends.map((m) => m.bufferedAmount ?? 0));
    return { status: 'passed', detail: `At most ${mib(peak)} queued while sending ${mib(bytes)}.` };
  },
};

/** The largest message the sending connection may send: the remote description's a=max-message-size (0 = no limit). */
function maxMessageSize(events: readonly PlaygroundEvent[], pc: number): number | null {
  const sdp = peerConnections(events).find((p) => p.pc === pc)?.remoteDescription?.sdp;
  if (!sdp) return null;
  const match = /^a=max-message-size:(\d+)/m.exec(sdp);
  if (!match) return DEFAULT_MAX_MESSAGE_SIZE;
  const value = Number(match[1]);
  return value === 0 ? Infinity : value;
}

const chunksFit: Check = {
  id: 'chunks-fit',
  title: 'Every chunk fits the maximum message size',
  verify(events) {
    // The Doctor's reading of a send() the browser refused for its size.
    const refused = dataChannelLimits(events).find((finding) => finding.id === 'dc-message-too-big');
    if (refused) return { status: 'failed', reason: `${refused.title}: send() threw. Cut the data into chunks of at most pc.sctp.maxMessageSize bytes.` };
    const from = sender(dataChannels(events));
    if (!from) return pending('No binary data sent yet.');
    const limit = maxMessageSize(events, from.pc);
    if (limit === null) return pending('The sender has no remote description yet, so its maxMessageSize is unknown.');
    const big = binary(from, 'sent').find((m) => m.bytes > limit);
    if (big) return { status: 'failed', reason: `A chunk of ${big.bytes} bytes is larger than maxMessageSize (${limit}).` };
    if (!finishedTransfer(events)) return pending('Waiting for the whole file (at least 1 MiB) to be sent and received.');
    const sent = binary(from, 'sent');
    const largest = Math.max(...sent.map((m) => m.bytes));
    return { status: 'passed', detail: `${sent.length} chunks of at most ${largest} bytes; maxMessageSize is ${limit}.` };
  },
};

export default [fileArrived, hashesMatch, underHighWater, chunksFit] satisfies Check[];
