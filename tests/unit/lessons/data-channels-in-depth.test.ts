/**
 * Lesson 08's checks over logs the runtime recorded in Chromium (a 4 MiB file
 * in 64 KiB chunks, fixtures/08-*), and edits of them for the other cases.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import checks from '../../../lessons/08-data-channels-in-depth/checks.ts';
import { evaluateChecks } from '../../../sandbox/checks/runner.ts';
import type { CheckResult } from '../../../sandbox/checks/types.ts';
import type { PlaygroundEvent } from '../../../sandbox/log/events.ts';

function recorded(name: string): PlaygroundEvent[] {
  return JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8')) as PlaygroundEvent[];
}

function settle(events: readonly PlaygroundEvent[]): Record<string, CheckResult> {
  return Object.fromEntries(evaluateChecks(checks, events, [], true).map((r) => [r.id, r]));
}

const isBinary = (e: PlaygroundEvent, direction: 'sent' | 'received') => e.type === 'dc.message' && e.binary && e.direction === direction;

describe('lesson 08 checks', () => {
  it('all pass for the recorded solution', () => {
    const results = settle(recorded('08-solution'));
    expect(Object.values(results).map((r) => r.status)).toEqual(['passed', 'passed', 'passed', 'passed']);
    expect(results['file-arrived-intact']?.reason).toMatch(/^4\.00 MiB sent and received, digests equal \([0-9a-f]{8}\)\.$/);
    expect(results['buffer-under-high-water']?.reason).toBe('At most 1.00 MiB queued while sending 4.00 MiB.');
    expect(results['chunks-fit']?.reason).toBe('64 chunks of at most 65536 bytes; maxMessageSize is 262144.');
  });

  it('in the recorded solution the sender\'s running digest equals the receiver\'s, chunk by chunk', () => {
    const events = recorded('08-solution');
    const sent = events.filter((e) => isBinary(e, 'sent')).map((e) => (e.type === 'dc.message' ? e.digestTotal : null));
    const received = events.filter((e) => isBinary(e, 'received')).map((e) => (e.type === 'dc.message' ? e.digestTotal : null));
    expect(sent).toHaveLength(64);
    expect(received).toEqual(sent);
  });

  it('the recorded starting files fail the hash and the high-water mark', () => {
    const results = settle(recorded('08-files'));
    expect(results['file-arrived-intact']?.status).toBe('passed');
    expect(results['sha256-match']).toMatchObject({ status: 'failed' });
    expect(results['sha256-match']?.reason).toMatch(/^The sender has not reported its hash/);
    expect(results['buffer-under-high-water']).toMatchObject({ status: 'failed' });
    expect(results['buffer-under-high-water']?.reason).toMatch(/^After one send the channel held 10485\d\d bytes, more than 1 MiB/);
    expect(results['chunks-fit']?.status).toBe('passed');
  });

  it('bytes that arrived in another order (an unordered channel) fail the first check', () => {
    const events = recorded('08-solution');
    const lastReceived = events.filter((e) => isBinary(e, 'received')).at(-1)!;
    const edited = events.map((e) => (e === lastReceived ? { ...e, digestTotal: '00000000' } : e));
    expect(settle(edited)['file-arrived-intact']).toMatchObject({ status: 'failed' });
    expect(settle(edited)['file-arrived-intact']?.reason).toMatch(/not the same bytes in the same order/);
  });

  it('a transfer cut short waits, then fails saying how much arrived', () => {
    const events = recorded('08-solution');
    const received = events.filter((e) => isBinary(e, 'received'));
    const cut = events.filter((e) => !received.slice(32).includes(e));
    const results = settle(cut);
    expect(results['file-arrived-intact']?.reason).toBe('4.00 MiB sent, 2.00 MiB received so far.');
    // How it was sent is judged on the whole transfer, so those checks wait for its end too.
    expect(results['buffer-under-high-water']?.reason).toMatch(/^Waiting for the whole file/);
    expect(results['chunks-fit']?.reason).toMatch(/^Waiting for the whole file/);
  });

  it('different hashes, or a hash that is not SHA-256 hex, are not accepted', () => {
    const events = recorded('08-solution');
    const differ = events.map((e) => (e.type === 'report' && e.name === 'sha256:received' ? { ...e, value: 'f'.repeat(64) } : e));
    expect(settle(differ)['sha256-match']?.reason).toMatch(/^The hashes differ/);
    const short = events.map((e) => (e.type === 'report' && e.name === 'sha256:sent' ? { ...e, value: 'abc' } : e));
    expect(settle(short)['sha256-match']?.reason).toMatch(/should be 64 hex digits/);
  });

  it('a chunk above the negotiated max-message-size, or a send Chromium refused for its size (its own words), fails', () => {
    const events = recorded('08-solution');
    const first = events.find((e) => isBinary(e, 'sent'))!;
    const big = events.map((e) => (e === first ? { ...e, bytes: 300000 } : e));
    expect(settle(big)['chunks-fit']?.reason).toBe('A chunk of 300000 bytes is larger than maxMessageSize (262144).');
    const refused = [...events, { type: 'error', kind: 'uncaught', name: 'TypeError', message: "Failed to execute 'send' on 'RTCDataChannel': Trying to send message larger than max-message-size", seq: 1e6, t: 1e6 } as PlaygroundEvent];
    expect(settle(refused)['chunks-fit']).toMatchObject({ status: 'failed' });
  });
});
