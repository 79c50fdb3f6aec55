/**
 * The browser functions the runtime relies on, captured before the learner's
 * code can replace them (a lesson may stub setTimeout or console; the
 * recorder must keep working). Imported first by index.ts, so `T0` is the
 * runtime's first moment: event times count from it.
 */
export const T0 = performance.now();

const nativeNow = performance.now.bind(performance);
const nativeAddEventListener = EventTarget.prototype.addEventListener;

export const natives = {
  now: nativeNow,
  setTimeout: window.setTimeout.bind(window),
  clearTimeout: window.clearTimeout.bind(window),
  setInterval: window.setInterval.bind(window),
  clearInterval: window.clearInterval.bind(window),
  MessageChannel: window.MessageChannel,
  /** The recorder's port to the page: a learner's patched MessagePort.prototype.postMessage must not see the log. */
  postToPort: MessagePort.prototype.postMessage as (this: MessagePort, message: unknown) => void,
};

/** Milliseconds since the runtime started, to a tenth of a millisecond. */
export function elapsed(): number {
  return Math.round((nativeNow() - T0) * 10) / 10;
}

/**
 * addEventListener as the browser made it: the learner's own listeners and
 * on* handlers are untouched, and a patched addEventListener (webrtc-adapter
 * wraps RTCPeerConnection's) cannot see or alter ours.
 */
export function listen(target: EventTarget, type: string, handler: (event: Event) => void, options?: AddEventListenerOptions): void {
  nativeAddEventListener.call(target, type, handler as EventListener, options);
}
