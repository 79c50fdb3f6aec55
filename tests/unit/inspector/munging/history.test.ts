import { describe, expect, it } from 'vitest';
import { connectionLabel, mungedCalls } from '../../../../site/src/inspector/munging/history.ts';
import type { PlaygroundEvent } from '../../../../sandbox/log/events.ts';

const events: PlaygroundEvent[] = [
  { seq: 0, t: 0, type: 'pc.created', pc: 1, label: 'pc 1', configuration: {} },
  { seq: 1, t: 1, type: 'pc.call', pc: 1, call: 1, method: 'setLocalDescription', args: [] },
  { seq: 2, t: 2, type: 'pc.munge', pc: 1, call: 1, method: 'setLocalDescription', sdpType: 'offer', original: 'v=0\r\n', edited: 'v=0\r\n', created: true },
  { seq: 3, t: 3, type: 'pc.result', pc: 1, call: 1, method: 'setLocalDescription', ok: true, value: null },
  { seq: 4, t: 4, type: 'peerjs.connection', peer: 1, kind: 'data', connectionId: 'dc_1', remoteId: 'bob', event: 'created', pc: 2 },
  { seq: 5, t: 5, type: 'pc.call', pc: 2, call: 2, method: 'setRemoteDescription', args: [] },
  { seq: 6, t: 6, type: 'pc.munge', pc: 2, call: 2, method: 'setRemoteDescription', sdpType: 'answer', original: 'v=0\r\n', edited: 'v=1\r\n', created: false },
  { seq: 7, t: 7, type: 'pc.result', pc: 2, call: 2, method: 'setRemoteDescription', ok: false, error: { name: 'OperationError', message: 'Failed to parse SessionDescription. v=1 Invalid value: 1.' } },
  { seq: 8, t: 8, type: 'pc.munge', pc: 1, call: 3, method: 'setRemoteDescription', sdpType: 'answer', original: 'a', edited: 'b', created: false },
];

describe('mungedCalls', () => {
  it('pairs each munge with the browser\'s answer to the same call', () => {
    const calls = mungedCalls(events);
    expect(calls.map((c) => [c.label, c.method, c.created, c.outcome])).toEqual([
      ['pc 1', 'setLocalDescription', true, { ok: true }],
      ['pc 2 (to bob)', 'setRemoteDescription', false, { ok: false, error: { name: 'OperationError', message: 'Failed to parse SessionDescription. v=1 Invalid value: 1.' } }],
      ['pc 1', 'setRemoteDescription', false, undefined],
    ]);
  });

  it('is empty for a log without munging', () => {
    expect(mungedCalls(events.filter((e) => e.type !== 'pc.munge'))).toEqual([]);
  });

  it('names connections as the log last did', () => {
    expect(connectionLabel(events, 2)).toBe('pc 2 (to bob)');
    expect(connectionLabel(events, 9)).toBe('pc 9');
  });
});

describe('the error of a munged description, at its line', () => {
  it('finds the line Chromium quoted when it refused an edited offer (message seen in Chromium)', async () => {
    const { locateSdpError } = await import('../../../../site/src/inspector/sdp/locate.ts');
    const edited = ['v=0', 'o=- 1 2 IN IP4 127.0.0.1', 's=-', 't=0 0', 'a=group:BUNDLE 0', 'a=extmap-allow-mixed', 'a=msid-semantic: WMS', 'm=application nine UDP/DTLS/SCTP webrtc-datachannel', 'c=IN IP4 0.0.0.0', ''].join('\r\n');
    const message =
      "OperationError: Failed to execute 'setLocalDescription' on 'RTCPeerConnection': Failed to parse SessionDescription. m=application nine UDP/DTLS/SCTP webrtc-datachannel The port number is invalid";
    expect(locateSdpError(message, edited)).toBe(8);
  });
});
