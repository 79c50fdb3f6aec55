/**
 * Wires munging (munge.ts) to this frame: the opt-in from the page, requests
 * to the page, answers from it.
 */
import { readFrameConfig } from '../config.ts';
import { listen } from '../natives.ts';
import type { Recorder } from '../recorder.ts';
import { Munger, STOPPED_MESSAGE, takeMungeOptIn } from './munge.ts';

/** Munging for this frame, or null when the page did not opt in (then nothing is installed). */
export function installMunger(recorder: Recorder, Native: typeof RTCPeerConnection): Munger | null {
  if (!takeMungeOptIn(window)) return null;
  const config = readFrameConfig();
  const createOffer = Native.prototype.createOffer as (this: unknown) => Promise<RTCSessionDescriptionInit>;
  const createAnswer = Native.prototype.createAnswer as (this: unknown) => Promise<RTCSessionDescriptionInit>;
  const munger = new Munger({
    post(request) {
      // The page should already hold the pc.call this request belongs to.
      recorder.flush();
      recorder.post({ kind: 'munge-request', request });
    },
    record: (event) => recorder.record(event),
    create: (pc, type) => (type === 'offer' ? createOffer : createAnswer).call(pc),
    stoppedError: () => new DOMException(STOPPED_MESSAGE, 'InvalidStateError'),
  });
  listen(window, 'message', (event) => {
    const { origin, source, data } = event as MessageEvent;
    if (origin === config.siteOrigin && source === window.parent) munger.receive(data);
  });
  return munger;
}
