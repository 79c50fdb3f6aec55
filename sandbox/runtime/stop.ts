/**
 * Stop, asked by the page: close every RTCPeerConnection and destroy every
 * Peer this frame created, record it, flush the log, then answer `stopped`
 * so the page can remove the frame knowing nothing is left half-open.
 */
import { PROTOCOL_SOURCE, type FrameConfig } from '../protocol.ts';
import { listen } from './natives.ts';
import type { Recorder } from './recorder.ts';

export function installStopHandler(config: FrameConfig, recorder: Recorder, teardown: (() => void)[]): void {
  let stopped = false;
  listen(window, 'message', (event) => {
    const { origin, source, data } = event as MessageEvent;
    if (origin !== config.siteOrigin || source !== window.parent) return;
    if (typeof data !== 'object' || data === null || data.source !== PROTOCOL_SOURCE || data.kind !== 'stop') return;
    if (stopped) {
      recorder.post({ kind: 'stopped' });
      return;
    }
    stopped = true;
    for (const step of teardown) {
      try {
        step();
      } catch {
        // One failing step must not keep the others from running.
      }
    }
    recorder.record({ type: 'run', status: 'stopped' });
    recorder.flush();
    recorder.post({ kind: 'stopped' });
  });
}
