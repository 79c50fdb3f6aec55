import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import checks, { readControl } from '../../../lessons/20-capstone/checks.ts';
import { evaluateChecks } from '../../../sandbox/checks/runner.ts';
import type { DcMessageEvent, PlaygroundEvent } from '../../../sandbox/log/events.ts';

// Each tab's log, recorded by tests/e2e/pairing.spec.ts (CAPSTONE_FIXTURES=<dir>)
// in Chromium: two tabs of one browser context, the real runtime and PeerJS
// against the playground's signaller. pc.stats events were dropped.
function recorded(name: string): PlaygroundEvent[] {
  return JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8')) as PlaygroundEvent[];
}

function statuses(events: readonly PlaygroundEvent[], settled = true): Record<string, string> {
  return Object.fromEntries(evaluateChecks(checks, events, undefined, settled).map((r) => [r.id, r.status]));
}

const ALL = ['connected', 'remote-video', 'chat', 'file-acknowledged', 'file-received'];

describe('lesson 20 capstone checks', () => {
  it.each(['a', 'b'])('pass every check on side %s of the solution, from that tab’s log alone', (side) => {
    const result = statuses(recorded(`20-solution-${side}`));
    expect(result).toEqual(Object.fromEntries(ALL.map((id) => [id, 'passed'])));
  });

  it.each(['a', 'b'])('on side %s of the starting files, see the call but no chat and no file', (side) => {
    const events = recorded(`20-files-${side}`);
    expect(statuses(events)).toEqual({
      connected: 'passed',
      'remote-video': 'passed',
      chat: 'failed',
      'file-acknowledged': 'failed',
      'file-received': 'failed',
    });
    const reasons = evaluateChecks(checks, events, undefined, true);
    expect(reasons.find((r) => r.id === 'chat')?.reason).toMatch(/sendChat/);
  });

  it('keeps waiting, not failing, before the run settles', () => {
    expect(statuses(recorded('20-files-a'), false).chat).toBe('pending');
  });

  it('fails an acknowledgement whose hash differs from the announced one', () => {
    const events = recorded('20-solution-a').map((event) => {
      if (event.type !== 'dc.message' || event.direction !== 'received' || !event.preview?.includes('"type":"ack"')) return event;
      return { ...event, preview: event.preview.replace(/"sha256":"[0-9a-f]{64}"/, `"sha256":"${'0'.repeat(64)}"`) };
    });
    const result = evaluateChecks(checks, events, undefined, true).find((r) => r.id === 'file-acknowledged');
    expect(result?.status).toBe('failed');
    expect(result?.reason).toMatch(/not the announced/);
  });

  it('does not count a Peer with a random id as the pair', () => {
    const events = recorded('20-solution-b').map((event) =>
      event.type === 'peerjs.peer' && event.id ? { ...event, id: 'd2190d19-2c3f-4b14-a4bd-19962e632a4d' } : event,
    );
    const result = evaluateChecks(checks, events, undefined, false).find((r) => r.id === 'connected');
    expect(result?.status).toBe('pending');
    expect(result?.reason).toMatch(/playground\.pair\.myId/);
  });

  it('reads control messages from a text preview, hash and size first', () => {
    const message = (preview: string, binary = false): DcMessageEvent => ({
      type: 'dc.message', pc: 1, dc: 2, direction: 'sent', binary, bytes: preview.length, preview, seq: 7, t: 0,
    });
    const sha = 'ab'.repeat(32);
    expect(readControl(message(`{"type":"file","sha256":"${sha}","size":262144,"name":"x.bin"}`))).toEqual({
      type: 'file', sha256: sha, size: 262144, dc: 2, seq: 7,
    });
    expect(readControl(message('{"type":"chat","text":"hi"}'))).toMatchObject({ type: 'chat', sha256: null, size: null });
    expect(readControl(message('hello'))).toBeNull();
    expect(readControl({ ...message(''), binary: true, preview: undefined })).toBeNull();
  });
});
