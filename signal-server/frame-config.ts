/**
 * The FrameConfig injected into a run's index.html: everything the runtime in
 * the frame needs to talk to the page and to our signaller, derived from the
 * address the frame itself was loaded from.
 */
import type { FrameConfig, SandboxHostPairs } from '../sandbox/protocol.ts';
import type { IceServer } from './ice-servers.ts';
import { siteOriginForSandbox, type HostUrl } from './origins.ts';

export const PEERJS_PATH = '/peerjs';
export const PEERJS_KEY = 'peerjs';

export function frameConfigFor(
  runId: string,
  sandboxUrl: HostUrl,
  sitePort: number,
  iceServers: IceServer[] = [],
  sandboxHosts: SandboxHostPairs = {},
): FrameConfig {
  const siteOrigin = siteOriginForSandbox(sandboxUrl, sitePort, sandboxHosts);
  const site = new URL(siteOrigin);
  return {
    runId,
    siteOrigin,
    // The signaller is reached through the site origin in both modes
    // (npm start serves it; in dev, astro's proxy forwards /peerjs to it).
    peerjs: { host: site.hostname, port: sitePort, path: PEERJS_PATH, secure: site.protocol === 'https:', key: PEERJS_KEY },
    // Our coturn (GET /api/ice-servers, same source), or none: host candidates suffice on one machine.
    iceServers,
  };
}
