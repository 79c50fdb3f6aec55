// The event types lessons 1, 3 and 4 rely on (report, features, ws) pass the page's validation.
import { describe, expect, it } from 'vitest';
import { validateEvent } from '../../../sandbox/host/validate.ts';
import type { PlaygroundEvent } from '../../../sandbox/log/events.ts';

const GOOD: PlaygroundEvent[] = [
  { seq: 0, t: 0, type: 'report', name: 'predict:setLocalDescription(offer)', value: 'have-local-offer' },
  { seq: 1, t: 1, type: 'report', name: 'nested', value: { a: [1, null, 'x'] } },
  { seq: 2, t: 2, type: 'features', features: { RTCPeerConnection: true, secureContext: false } },
  { seq: 3, t: 3, type: 'ws', socket: 1, event: 'open', url: 'ws://localhost:4321/rooms/a' },
  { seq: 4, t: 4, type: 'ws', socket: 1, event: 'message', direction: 'sent', bytes: 10, preview: '{"a":1}' },
  { seq: 5, t: 5, type: 'ws', socket: 2, event: 'message', direction: 'received', bytes: 10 },
  { seq: 6, t: 6, type: 'ws', socket: 1, event: 'close', url: 'ws://localhost:4321/rooms/a', code: 1000, reason: '' },
  { seq: 7, t: 7, type: 'ws', socket: 1, event: 'error', url: 'ws://localhost:4321/rooms/a' },
];

describe('validateEvent for report, features and ws', () => {
  it('accepts each well-formed event unchanged', () => {
    for (const event of GOOD) expect(validateEvent(event)).toEqual(event);
  });

  it('rejects malformed ones', () => {
    const bad = [
      { seq: 0, t: 0, type: 'report', value: 1 },
      { seq: 0, t: 0, type: 'report', name: 'x', value: new Date() },
      { seq: 0, t: 0, type: 'features', features: { RTCPeerConnection: 'yes' } },
      { seq: 0, t: 0, type: 'features', features: [true] },
      { seq: 0, t: 0, type: 'ws', socket: -1, event: 'open' },
      { seq: 0, t: 0, type: 'ws', socket: 1, event: 'ping' },
      { seq: 0, t: 0, type: 'ws', socket: 1, event: 'message', direction: 'sideways' },
      { seq: 0, t: 0, type: 'ws', socket: 1, event: 'message', bytes: 1.5 },
    ];
    for (const value of bad) expect(validateEvent(value), JSON.stringify(value)).toBeNull();
  });

  it('drops fields a ws event does not have', () => {
    expect(validateEvent({ seq: 0, t: 0, type: 'ws', socket: 1, event: 'open', url: 'u', extra: 1 })).toEqual({
      seq: 0, t: 0, type: 'ws', socket: 1, event: 'open', url: 'u',
    });
  });
});
