import { describe, expect, it } from 'vitest';
import type { SourceLocation } from '../../../sandbox/log/events.ts';
import { installDeprecatedApiCapture, usesUrlField } from '../../../sandbox/runtime/deprecated.ts';
import type { NewEvent, Recorder } from '../../../sandbox/runtime/recorder.ts';

/** A browser-like connection class with the legacy API, and the playground's subclass over it. */
function setup(options: { legacy?: boolean; location?: SourceLocation | undefined } = {}) {
  const calls: string[] = [];
  class NativePc {
    handler: unknown = null;
    createOffer(...args: unknown[]) {
      calls.push(`createOffer:${JSON.stringify(args)}`);
      return Promise.resolve({ type: 'offer', sdp: 'v=0' });
    }
    setConfiguration(configuration: unknown) {
      calls.push(`setConfiguration:${JSON.stringify(configuration)}`);
    }
  }
  if (options.legacy !== false) {
    Object.assign(NativePc.prototype, {
      addStream(this: NativePc, stream: unknown) {
        calls.push(`addStream:${String(stream)}`);
        return 'native result';
      },
      getRemoteStreams() {
        return ['remote'];
      },
    });
    Object.defineProperty(NativePc.prototype, 'onaddstream', {
      get(this: NativePc) {
        return this.handler;
      },
      set(this: NativePc, value: unknown) {
        this.handler = typeof value === 'function' ? value : null;
      },
      enumerable: true,
      configurable: true,
    });
  }
  class InstrumentedPc extends NativePc {}
  const events: NewEvent[] = [];
  const recorder: Recorder = { record: (e) => events.push(e), flush: () => {}, post: () => {} };
  const numbers = new WeakMap<object, number>();
  const global: Record<string, unknown> = {};
  Object.defineProperty(global, 'webkitRTCPeerConnection', { value: InstrumentedPc, writable: true, configurable: true, enumerable: false });
  const location = 'location' in options ? options.location : { file: 'main.js', line: 3, column: 5 };
  installDeprecatedApiCapture(InstrumentedPc.prototype, global, {
    recorder,
    pcNumber: (pc) => numbers.get(pc as object),
    locate: () => location,
  });
  const pc = new InstrumentedPc() as InstrumentedPc & Record<string, any>;
  numbers.set(pc, 1);
  return { pc, events, calls, global, InstrumentedPc, NativePc };
}

describe('deprecated API capture', () => {
  it('records addStream with its location, then does exactly what the browser does', () => {
    const { pc, events, calls } = setup();
    expect(pc.addStream('s1')).toBe('native result');
    expect(calls).toEqual(['addStream:s1']);
    expect(events).toEqual([{ type: 'deprecated', api: 'addStream', pc: 1, location: { file: 'main.js', line: 3, column: 5 } }]);
    expect(pc.addStream.length).toBe(1);
  });

  it('records each use once per place, so loops do not flood the log', () => {
    const { pc, events } = setup();
    for (let i = 0; i < 50; i++) expect(pc.getRemoteStreams()).toEqual(['remote']);
    expect(events).toHaveLength(1);
  });

  it('keeps onaddstream working: the value is stored by the browser\'s own setter', () => {
    const { pc, events } = setup();
    const handler = () => {};
    pc.onaddstream = handler;
    expect(pc.onaddstream).toBe(handler);
    expect(pc.handler).toBe(handler);
    pc.onaddstream = null;
    expect(pc.onaddstream).toBeNull();
    expect(events.map((e) => (e as { api: string }).api)).toEqual(['onaddstream']);
  });

  it('leaves an API the browser lacks absent, so feature detection and the TypeError stay the same', () => {
    const { pc, events, InstrumentedPc } = setup({ legacy: false });
    expect('addStream' in pc).toBe(false);
    expect('onaddstream' in InstrumentedPc.prototype).toBe(false);
    expect(() => pc.addStream('s')).toThrow(TypeError);
    expect(events).toEqual([]);
  });

  it('records offerToReceive options in both createOffer forms, and passes the arguments through', async () => {
    const { pc, events, calls } = setup();
    await pc.createOffer({ offerToReceiveAudio: true, offerToReceiveVideo: false });
    const success = () => {};
    pc.createOffer(success, () => {}, { offerToReceiveVideo: 1 });
    expect(events.map((e) => (e as { api: string }).api)).toEqual(['offerToReceiveAudio', 'offerToReceiveVideo']);
    expect(calls[0]).toBe('createOffer:[{"offerToReceiveAudio":true,"offerToReceiveVideo":false}]');
    await pc.createOffer({ iceRestart: true });
    expect(events).toHaveLength(2);
  });

  it('records iceServers[].url in setConfiguration, not urls', () => {
    const { pc, events } = setup();
    pc.setConfiguration({ iceServers: [{ urls: 'stun:a' }] });
    expect(events).toEqual([]);
    pc.setConfiguration({ iceServers: [{ url: 'stun:a' }] });
    expect(events.map((e) => (e as { api: string }).api)).toEqual(['iceServers[].url']);
    expect(usesUrlField({ iceServers: [{ url: 'x', urls: 'x' }] })).toBe(false);
    expect(usesUrlField(null)).toBe(false);
  });

  it('notices the learner reading webkitRTCPeerConnection; assignments still work', () => {
    const { global, events, InstrumentedPc } = setup();
    expect(global['webkitRTCPeerConnection']).toBe(InstrumentedPc);
    expect(events.map((e) => (e as { api: string }).api)).toEqual(['webkitRTCPeerConnection']);
    global['webkitRTCPeerConnection'] = 42;
    expect(global['webkitRTCPeerConnection']).toBe(42);
  });

  it('records nothing for uses outside the learner\'s files (a library\'s)', () => {
    const { pc, global, events } = setup({ location: undefined });
    pc.addStream('s');
    pc.onaddstream = () => {};
    void global['webkitRTCPeerConnection'];
    expect(events).toEqual([]);
  });
});
