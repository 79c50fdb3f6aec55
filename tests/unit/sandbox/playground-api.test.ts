import { describe, expect, it } from 'vitest';
import { detectFeatures } from '../../../sandbox/runtime/features.ts';
import { playgroundApi } from '../../../sandbox/runtime/globals.ts';
import type { NewEvent, Recorder } from '../../../sandbox/runtime/recorder.ts';
import type { FrameConfig } from '../../../sandbox/protocol.ts';

const config = (siteOrigin: string): FrameConfig => ({
  runId: 'r',
  siteOrigin,
  peerjs: { host: 'localhost', port: 4321, path: '/peerjs', secure: false, key: 'peerjs' },
  iceServers: [],
});

function api(siteOrigin = 'http://localhost:4321') {
  const events: NewEvent[] = [];
  const recorder: Recorder = { record: (e) => events.push(e), flush: () => {}, post: () => {} };
  return { events, playground: playgroundApi(config(siteOrigin), [], recorder) };
}

describe('playground.report', () => {
  it('records the name and the value as JSON', () => {
    const { events, playground } = api();
    playground.report('RTCPeerConnection', true);
    playground.report('predict:offer', 'have-local-offer');
    playground.report('odd', { when: new Map([[1, 2]]), skip: () => 1, n: Infinity });
    expect(events).toEqual([
      { type: 'report', name: 'RTCPeerConnection', value: true },
      { type: 'report', name: 'predict:offer', value: 'have-local-offer' },
      { type: 'report', name: 'odd', value: { when: [[1, 2]], n: null } },
    ]);
  });

  it('refuses a missing name with an error that says how to call it', () => {
    const { events, playground } = api();
    expect(() => playground.report('', true)).toThrow(/name must be a non-empty string/);
    expect(() => (playground.report as (n: unknown, v: unknown) => void)(42, true)).toThrow(TypeError);
    expect(events).toEqual([]);
  });
});

describe('playground.roomUrl and siteOrigin', () => {
  it('points at the site origin’s room relay, ws or wss like the page', () => {
    expect(api().playground.siteOrigin).toBe('http://localhost:4321');
    expect(api().playground.roomUrl('my room/1')).toBe('ws://localhost:4321/rooms/my%20room%2F1');
    expect(api('https://play.example').playground.roomUrl('a')).toBe('wss://play.example/rooms/a');
    expect(() => api().playground.roomUrl('')).toThrow(TypeError);
  });
});

describe('detectFeatures', () => {
  it('reads each API where the browser puts it', () => {
    const fn = () => {};
    const everything = {
      RTCPeerConnection: fn,
      RTCDataChannel: fn,
      WebSocket: fn,
      AudioContext: fn,
      isSecureContext: true,
      navigator: { mediaDevices: { getUserMedia: fn, getDisplayMedia: fn, enumerateDevices: fn } },
    };
    expect(Object.values(detectFeatures(everything)).every((v) => v === true)).toBe(true);
  });

  it('says false for what is missing: no mediaDevices outside a secure context, getUserMedia only on navigator is not enough', () => {
    const features = detectFeatures({ RTCPeerConnection: () => {}, isSecureContext: false, navigator: { getUserMedia: () => {} } as never });
    expect(features).toEqual({
      RTCPeerConnection: true,
      RTCDataChannel: false,
      getUserMedia: false,
      getDisplayMedia: false,
      enumerateDevices: false,
      secureContext: false,
      WebSocket: false,
      AudioContext: false,
    });
  });
});
