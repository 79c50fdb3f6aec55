import { describe, expect, it } from 'vitest';
import { describeElement, holdsMicrophone, installMediaCapture } from '../../../sandbox/runtime/media.ts';
import type { NewEvent, Recorder } from '../../../sandbox/runtime/recorder.ts';

function setup(play: () => unknown) {
  class FakeMedia extends EventTarget {
    tagName = 'VIDEO';
    id = 'remote';
    className = '';
    muted = false;
    videoWidth = 640;
    videoHeight = 480;
    play() {
      return play();
    }
  }
  const events: NewEvent[] = [];
  const recorder: Recorder = { record: (e) => events.push(e), flush: () => {}, post: () => {} };
  const doc = new EventTarget();
  installMediaCapture(FakeMedia.prototype, doc, { recorder, listen: (t, type, h, o) => t.addEventListener(type, h, o) });
  return { element: new FakeMedia(), events, doc };
}

const notAllowed = Object.assign(new Error('play() failed because the user didn\'t interact with the document first.'), { name: 'NotAllowedError' });

describe('media element capture', () => {
  it('records a play() the autoplay policy refused, and rejects the same way', async () => {
    const { element, events } = setup(() => Promise.reject(notAllowed));
    await expect(element.play()).rejects.toBe(notAllowed);
    expect(events).toEqual([{ type: 'media', element: 'video#remote', event: 'play-blocked', detail: { name: 'NotAllowedError', message: notAllowed.message } }]);
  });

  it('records nothing for other rejections, and resolves like the browser', async () => {
    const abort = Object.assign(new Error('interrupted'), { name: 'AbortError' });
    const rejected = setup(() => Promise.reject(abort));
    await expect(rejected.element.play()).rejects.toBe(abort);
    expect(rejected.events).toEqual([]);
    const ok = setup(() => Promise.resolve(undefined));
    await expect(ok.element.play()).resolves.toBeUndefined();
    expect(ok.events).toEqual([]);
  });

  it('leaves an unhandled rejection unhandled, as without the playground', async () => {
    const { element } = setup(() => Promise.reject(notAllowed));
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    element.play(); // no catch, like a learner's bare video.play()
    await new Promise((resolve) => setTimeout(resolve, 10));
    process.off('unhandledRejection', onUnhandled);
    expect(unhandled).toEqual([notAllowed]);
  });

  it('records playing with the size and muted, heard at the document', () => {
    const { element, events, doc } = setup(() => undefined);
    element.muted = true;
    // A capturing listener on the document sees the target's event first; simulate that dispatch.
    const event = new Event('playing');
    Object.defineProperty(event, 'target', { value: element });
    doc.dispatchEvent(event);
    expect(events).toEqual([{ type: 'media', element: 'video#remote', event: 'playing', detail: { muted: true, videoWidth: 640, videoHeight: 480 } }]);
  });

  it('marks what plays a live microphone track (an echo), and only that', () => {
    const { element, events, doc } = setup(() => undefined);
    const track = (settings: Record<string, unknown>, readyState = 'live') => ({ kind: 'audio', readyState, getSettings: () => settings });
    // Settings as Chromium reports them for a getUserMedia microphone and for a received track.
    const microphone = track({ deviceId: 'default', echoCancellation: true, autoGainControl: true, groupId: 'g' });
    const received = track({ channelCount: 1, deviceId: '74b5f810', latency: 0.01, sampleRate: 48000, sampleSize: 16 });
    const stream = (...tracks: unknown[]) => ({ getAudioTracks: () => tracks });
    expect(holdsMicrophone(stream(microphone))).toBe(true);
    expect(holdsMicrophone(stream(received))).toBe(false);
    expect(holdsMicrophone(stream(track({ echoCancellation: true }, 'ended')))).toBe(false);
    expect(holdsMicrophone(null)).toBe(false);
    expect(holdsMicrophone({})).toBe(false);

    Object.assign(element, { srcObject: stream(received, microphone) });
    const event = new Event('playing');
    Object.defineProperty(event, 'target', { value: element });
    doc.dispatchEvent(event);
    expect(events).toEqual([{ type: 'media', element: 'video#remote', event: 'playing', detail: { muted: false, videoWidth: 640, videoHeight: 480, microphone: true } }]);
  });

  it('describes elements as the learner wrote them', () => {
    expect(describeElement({ tagName: 'VIDEO', id: 'local' })).toBe('video#local');
    expect(describeElement({ tagName: 'AUDIO', id: '', className: ' peer big' })).toBe('audio.peer');
    expect(describeElement({ tagName: 'VIDEO', id: '', className: '' })).toBe('video');
  });
});
