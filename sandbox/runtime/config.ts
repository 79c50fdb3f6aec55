/** Reads the FrameConfig the server injected as `window.__PLAYGROUND__`. */
import type { FrameConfig } from '../protocol.ts';
import { pairInfo, readPairParams } from '../pairing.ts';

declare global {
  interface Window {
    __PLAYGROUND__?: unknown;
  }
}

export function readFrameConfig(): FrameConfig {
  const raw = window.__PLAYGROUND__;
  if (typeof raw !== 'object' || raw === null) throw new Error('window.__PLAYGROUND__ is missing: this page was not served by the playground.');
  const { runId, siteOrigin, peerjs, iceServers } = raw as Record<string, unknown>;
  if (typeof runId !== 'string' || typeof siteOrigin !== 'string') throw new Error('window.__PLAYGROUND__ has no runId or siteOrigin.');
  const p = (peerjs ?? {}) as Record<string, unknown>;
  if (typeof p.host !== 'string' || typeof p.port !== 'number' || typeof p.path !== 'string' || typeof p.key !== 'string') {
    throw new Error('window.__PLAYGROUND__.peerjs is incomplete.');
  }
  return {
    runId,
    siteOrigin,
    peerjs: { host: p.host, port: p.port, path: p.path, secure: p.secure === true, key: p.key },
    iceServers: Array.isArray(iceServers) ? (iceServers as RTCIceServer[]) : [],
    pair: pairFromSearch(window.location.search),
  };
}

/** A pairing lesson's frame is loaded as index.html?pair=<token>&side=a|b (the host adds it). */
export function pairFromSearch(search: string): FrameConfig['pair'] {
  const params = readPairParams(search);
  return params ? pairInfo(params) : null;
}
