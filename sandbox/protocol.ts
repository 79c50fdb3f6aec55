/**
 * The contract between the three places a run touches:
 *
 *   site page (host)  ──POST /api/runs──►  signal-server  (stores the files of one run)
 *   site page (host)  ──<iframe src=sandboxOrigin/run/<id>/index.html>──►  sandbox origin
 *   frame (runtime)   ──postMessage(hello)──►  host         (once per document, before any learner code)
 *   host              ──postMessage(port, [MessagePort])──►  frame
 *   frame (runtime)   ──MessagePort(FrameMessage)──►  host's inbox worker ──►  host
 *   host              ──postMessage(HostMessage)──►  frame
 *
 * The frame's messages go to a worker, not to the page: reading a message's
 * data deserializes it on the reader's thread, and the learner's code shares
 * the runtime's realm, so it can post anything (host/inbox.ts). The page never
 * reads what the frame posts to its window; it only answers the first message
 * from a new document in the frame with the port.
 *
 * Every message carries `source: PROTOCOL_SOURCE` so each side ignores
 * messages that are not ours (extensions and other frames post too). The host
 * also checks `event.origin` and `event.source`; the frame checks `event.origin`
 * against `FrameConfig.siteOrigin`.
 */
import type { PlaygroundEvent } from './log/events.ts';
import type { PairInfo } from './pairing.ts';

export const PROTOCOL_SOURCE = 'webrtc-playground';

/** GET /api/config on the site origin: what the host needs to place a frame. */
export interface SiteConfig {
  /** Port of the sandbox origin. Its host name is chosen by `sandboxOriginFor`. */
  sandboxPort: number;
  /** Path of the PeerJS signaller on the site origin, e.g. "/peerjs". */
  peerjsPath: string;
  /**
   * The site's origins on this machine's network addresses ("https://192.168.1.5:4321"),
   * given only in HTTPS mode when the server listens on the network: what a phone
   * can open (a page on localhost puts one in its pairing QR code). Absent otherwise.
   */
  lanOrigins?: string[];
  /** Host pairs for `sandboxOriginFor`: this machine's addresses, when it has any to pair. Absent otherwise. */
  sandboxHosts?: Record<string, string>;
}

/** POST /api/runs on the site origin. Paths are relative ("index.html", "main.js"); the entry is index.html. */
export interface CreateRunRequest {
  files: Record<string, string>;
}

/** 201 response: load `${sandboxOrigin}${path}index.html` in a fresh frame. */
export interface CreateRunResponse {
  id: string;
  path: string;
}

/**
 * Injected by the server into the run's index.html as `window.__PLAYGROUND__`,
 * before the runtime script. The runtime reads it and nothing else.
 */
export interface FrameConfig {
  runId: string;
  /** The top page's origin: where postMessage goes, and the only origin accepted from. */
  siteOrigin: string;
  /** Defaults for `new Peer()` inside the frame: always our own signaller. */
  peerjs: { host: string; port: number; path: string; secure: boolean; key: string };
  /** Default ICE servers for PeerJS and for lessons (`playground.iceServers`). */
  iceServers: RTCIceServer[];
  /**
   * A pairing lesson's side (`playground.pair`), or null. Not injected by the
   * server: the host adds `?pair=<token>&side=a|b` to the frame's URL (see
   * pairing.ts) and the runtime reads it from there.
   */
  pair?: PairInfo | null;
}

/**
 * Frame → page window, the only message the runtime posts there: it asks for
 * the port. Sent first thing, then every 500 ms until the port arrives. The page
 * does not read it (the next message could be the learner's, of any size); it
 * answers the first message it gets from each document loaded in the frame.
 */
export interface FrameHello {
  source: typeof PROTOCOL_SOURCE;
  runId: string;
  kind: 'hello';
}

/** Frame → host, over the port. Events are batched: the runtime flushes at most every 50 ms. */
export type FrameMessage =
  | { source: typeof PROTOCOL_SOURCE; runId: string; kind: 'events'; events: PlaygroundEvent[] }
  /** Sent every 500 ms; the host treats 5 s of silence as a frozen frame and removes it. */
  | { source: typeof PROTOCOL_SOURCE; runId: string; kind: 'heartbeat' }
  /** Answer to `stop`: every peer connection and Peer was closed. */
  | { source: typeof PROTOCOL_SOURCE; runId: string; kind: 'stopped' }
  /** Munging is on and a description waits to be edited; the host answers with `munge-apply`. */
  | { source: typeof PROTOCOL_SOURCE; runId: string; kind: 'munge-request'; request: MungeRequest };

/** Host → frame. */
export type HostMessage =
  | { source: typeof PROTOCOL_SOURCE; kind: 'stop' }
  /** Carries (transferred) the MessagePort the frame sends every FrameMessage over. The runtime takes the first one only. */
  | { source: typeof PROTOCOL_SOURCE; kind: 'port' }
  /** Apply this text (edited, or the original unchanged) for the request with this `id`. */
  | { source: typeof PROTOCOL_SOURCE; kind: 'munge-apply'; id: number; sdp: string };

// ---- munging: editing a description before it is applied -------------------

/**
 * The learner opts in per run. The server builds FrameConfig before the page
 * says anything, so the page names the frame instead: an iframe whose `name`
 * is MUNGE_FRAME_NAME pauses every setLocalDescription/setRemoteDescription.
 * The runtime reads `window.name` first thing and clears it, so the learner's
 * code sees the usual empty name.
 */
export const MUNGE_FRAME_NAME = 'webrtc-playground:munge';

/** Longest description the frame may ask to have edited (real ones are a few KB). */
export const MAX_MUNGE_SDP = 1_000_000;

export type MungeMethod = 'setLocalDescription' | 'setRemoteDescription';

/** One paused setLocalDescription/setRemoteDescription call, as the frame asks the page to edit it. */
export interface MungeRequest {
  /** Numbers the frame's requests from 1; `munge-apply` names it. */
  id: number;
  pc: number;
  /** The `call` of the paused call's pc.call event. */
  call: number;
  method: MungeMethod;
  type: 'offer' | 'answer' | 'pranswer';
  sdp: string;
  /**
   * setLocalDescription() was called without a description: the runtime made
   * the offer or answer itself (createOffer/createAnswer, as the browser would)
   * so there is text to edit.
   */
  created: boolean;
}

/**
 * Host names swapped pairwise so that a frame lands on another site than its
 * page, both directions listed: {"192.168.1.5": "[fd00::5]", "[fd00::5]": "192.168.1.5"}.
 * The server pairs this machine's addresses (sandbox-hosts.ts) and gives the
 * pairs to the page in SiteConfig; localhost ↔ 127.0.0.1 needs no listing.
 */
export type SandboxHostPairs = Readonly<Record<string, string>>;

/**
 * The sandbox must be a different *site* from the page, not only a different
 * origin: a different port shares cookies, and only a different site gets its
 * own renderer process (so an endless loop in the frame cannot freeze the page,
 * nor the page's watchdog with it). localhost ↔ 127.0.0.1 swap, and so do the
 * pairs given; any other host name keeps its name and changes port (same site:
 * see sameSiteWarning). The swap is its own inverse, which is how the server
 * works out the page's origin from the frame's.
 */
export function sandboxOriginFor(pageUrl: { protocol: string; hostname: string }, sandboxPort: number, pairs: SandboxHostPairs = {}): string {
  const name = pageUrl.hostname;
  const host = name === 'localhost' ? '127.0.0.1' : name === '127.0.0.1' ? 'localhost' : (pairs[name] ?? name);
  return `${pageUrl.protocol}//${host}:${sandboxPort}`;
}

/**
 * What to tell the learner when the frame could only go to the page's own
 * site (no other name of this machine pairs with the one the page was opened
 * at), else null. Host names only: every IP address is a site of its own, and
 * the playground's names never share a registrable domain.
 */
export function sameSiteWarning(pageHostname: string, sandboxOrigin: string): string | null {
  if (new URL(sandboxOrigin).hostname !== pageHostname) return null;
  return (
    `The preview runs on the same site as this page (${pageHostname}), because this machine has no other name ` +
    'a browser here can reach it by. An endless loop the loop guard cannot see (code built with eval or new Function) ' +
    'then freezes this page too, and the playground cannot stop it: close the tab if that happens. ' +
    'Opening the playground at localhost, or at an address the server prints with a partner address, avoids this.'
  );
}
