/**
 * Records what <video> and <audio> elements in the preview do, for the
 * doctor's autoplay diagnosis: `play-blocked` when play() is refused by the
 * autoplay policy (NotAllowedError), `playing` when playback starts, with the
 * video's size and whether it is muted, and `microphone: true` when what plays
 * holds a live microphone track (the doctor's echo diagnosis: an unmuted local
 * preview plays the learner's own voice back into the microphone).
 *
 * Behaviour does not change. play() is wrapped to observe its promise: the
 * learner gets a promise that settles the same way (one step later), and
 * because it is a new promise, a rejection the learner leaves unhandled is
 * still reported as unhandled, exactly as without the playground. `playing`
 * is heard by one capturing listener on the document (media events do not
 * bubble, but capture reaches the document first), so the learner's own
 * listeners and onplaying handlers are untouched.
 *
 * Not seen: an `autoplay` attribute the policy blocks (the browser fires no
 * event for it), and `playing` of elements that are not in the document.
 */
import type { Json } from '../log/events.ts';
import type { Recorder } from './recorder.ts';

export interface MediaCaptureDeps {
  recorder: Recorder;
  /** addEventListener as the browser made it (natives.listen). */
  listen(target: EventTarget, type: string, handler: (event: Event) => void, options?: AddEventListenerOptions): void;
}

type MediaLike = {
  tagName?: string;
  id?: string;
  className?: string;
  muted?: boolean;
  videoWidth?: number;
  videoHeight?: number;
  srcObject?: unknown;
};

type TrackLike = { kind?: string; readyState?: string; getSettings?: () => Record<string, unknown> };

/**
 * Whether a srcObject (a MediaStream) holds a live microphone track. Only
 * audio captured by getUserMedia reports audio-processing settings such as
 * echoCancellation; a remote track's or a WebAudio track's settings have none
 * (checked in Chromium: a received track reports only channelCount, deviceId,
 * latency, sampleRate and sampleSize).
 */
export function holdsMicrophone(srcObject: unknown): boolean {
  const getTracks = (srcObject as { getAudioTracks?: unknown } | null)?.getAudioTracks;
  if (typeof getTracks !== 'function') return false;
  const tracks = Reflect.apply(getTracks, srcObject, []) as TrackLike[];
  return tracks.some((track) => {
    if (track.kind !== 'audio' || track.readyState !== 'live' || typeof track.getSettings !== 'function') return false;
    return typeof track.getSettings().echoCancellation === 'boolean';
  });
}

/** `mediaProto` is HTMLMediaElement.prototype; `doc` the frame's document. */
export function installMediaCapture(mediaProto: object, doc: EventTarget, deps: MediaCaptureDeps): void {
  const { recorder } = deps;
  const nativePlay = (mediaProto as { play?: unknown }).play;
  if (typeof nativePlay === 'function') {
    const play = function play(this: MediaLike): unknown {
      const result: unknown = Reflect.apply(nativePlay, this, []);
      if (!isThenable(result)) return result;
      return Promise.resolve(result).then(undefined, (error: unknown) => {
        if (errorName(error) === 'NotAllowedError') {
          recorder.record({
            type: 'media',
            element: describeElement(this),
            event: 'play-blocked',
            detail: { name: 'NotAllowedError', message: errorMessage(error) },
          });
        }
        throw error;
      });
    };
    Object.defineProperty(mediaProto, 'play', { value: play, writable: true, enumerable: true, configurable: true });
  }

  deps.listen(
    doc,
    'playing',
    (event) => {
      const element = event.target as MediaLike | null;
      if (!element || (element.tagName !== 'VIDEO' && element.tagName !== 'AUDIO')) return;
      const detail: { [key: string]: Json } = { muted: element.muted === true };
      if (element.tagName === 'VIDEO') {
        detail['videoWidth'] = element.videoWidth ?? 0;
        detail['videoHeight'] = element.videoHeight ?? 0;
      }
      // Only when true, so the common case (a remote or a muted preview) stays as short as before.
      if (holdsMicrophone(element.srcObject)) detail['microphone'] = true;
      recorder.record({ type: 'media', element: describeElement(element), event: 'playing', detail });
    },
    { capture: true },
  );
}

/** "video#remote", "audio.peer", or just "video": how the learner would recognise it in their HTML. */
export function describeElement(element: MediaLike): string {
  const tag = (element.tagName ?? 'media').toLowerCase();
  if (element.id) return `${tag}#${element.id}`;
  const firstClass = element.className?.trim().split(/\s+/)[0];
  return firstClass ? `${tag}.${firstClass}` : tag;
}

function errorName(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null ? String((error as { name?: unknown }).name) : undefined;
}

function errorMessage(error: unknown): string {
  return typeof error === 'object' && error !== null ? String((error as { message?: unknown }).message ?? '') : String(error);
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}
