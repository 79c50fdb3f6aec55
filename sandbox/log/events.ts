/**
 * The event log: everything the sandbox runtime records about one run of the
 * learner's code. It is the only thing that crosses from the frame to the site.
 * The console, the checks and the inspector all read this log and nothing else,
 * so a recorded log (a JSON array of these events) replays a run exactly.
 *
 * Conventions:
 * - `seq` counts events from 0 in the order the runtime recorded them.
 * - `t` is milliseconds since the runtime started in the frame (performance.now()
 *   at the runtime's first line is 0).
 * - Values from the learner's program are copied as JSON (`Json`), never as live
 *   objects: the log must survive postMessage, storage and export unchanged.
 * - Peer connections are numbered from 1 in creation order (`pc`), data channels
 *   likewise (`dc`), PeerJS Peer objects likewise (`peer`).
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Where in the learner's files something happened. `file` is the path inside the lesson, e.g. "main.js". */
export interface SourceLocation {
  file: string;
  line: number;
  column?: number;
}

export interface ErrorInfo {
  name: string;
  message: string;
}

interface Base {
  seq: number;
  t: number;
}

// ---- the run itself -------------------------------------------------------

/** `started`: the runtime is installed, learner code is about to load. `stopped`: Stop was honoured. */
export interface RunEvent extends Base {
  type: 'run';
  status: 'started' | 'stopped';
}

// ---- console and errors -----------------------------------------------------

export type ConsoleLevel = 'log' | 'info' | 'warn' | 'error' | 'debug';

/**
 * One console call. `text` is the arguments already formatted for reading
 * (objects expanded, console.table drawn as a table, %s/%d/%o substituted);
 * it may contain newlines but no terminal escape codes.
 */
export interface ConsoleEvent extends Base {
  type: 'console';
  level: ConsoleLevel;
  text: string;
  location?: SourceLocation;
}

/**
 * An error the learner should see: uncaught exceptions, unhandled promise
 * rejections, a loop stopped by the loop guard, or the runtime itself failing.
 */
export interface ErrorEvent extends Base {
  type: 'error';
  kind: 'uncaught' | 'unhandledrejection' | 'loop-guard' | 'runtime';
  name: string;
  message: string;
  stack?: string;
  location?: SourceLocation;
}

// ---- RTCPeerConnection ------------------------------------------------------

/** The RTCPeerConnection methods the runtime records (a value, so validators and the instrumentation share one list). */
export const PC_METHODS = [
  'createOffer',
  'createAnswer',
  'setLocalDescription',
  'setRemoteDescription',
  'addIceCandidate',
  'addTrack',
  'removeTrack',
  'addTransceiver',
  'createDataChannel',
  'restartIce',
  'getStats',
  'setConfiguration',
  'close',
] as const;

export type PcMethod = (typeof PC_METHODS)[number];

export interface PcCreatedEvent extends Base {
  type: 'pc.created';
  pc: number;
  /** "pc 1", "pc 2", …; PeerJS connections are relabelled by `peerjs.connection`. */
  label: string;
  configuration: Json;
}

/** A method was called. `call` pairs it with its `pc.result`. Descriptions are copied whole (type and sdp). */
export interface PcCallEvent extends Base {
  type: 'pc.call';
  pc: number;
  call: number;
  method: PcMethod;
  args: Json[];
}

/** The call's outcome: the resolved value (a description, a sender summary, …) or the error it threw or rejected with. */
export type PcResultEvent = Base & {
  type: 'pc.result';
  pc: number;
  call: number;
  method: PcMethod;
} & ({ ok: true; value?: Json } | { ok: false; error: ErrorInfo });

export type PcStateName = 'signalingState' | 'iceGatheringState' | 'iceConnectionState' | 'connectionState';

/** A state attribute changed (recorded from the matching *statechange event). */
export interface PcStateEvent extends Base {
  type: 'pc.state';
  pc: number;
  which: PcStateName;
  value: string;
}

/** An RTCIceCandidate as JSON, plus the fields Chromium exposes beyond toJSON(). */
export interface CandidateJson {
  candidate: string;
  sdpMid: string | null;
  sdpMLineIndex: number | null;
  usernameFragment: string | null;
  /** "host" | "srflx" | "prflx" | "relay", when the browser reports it. */
  type?: string | null;
  protocol?: string | null;
  address?: string | null;
  port?: number | null;
  priority?: number | null;
  relatedAddress?: string | null;
  relatedPort?: number | null;
  url?: string | null;
  relayProtocol?: string | null;
}

/**
 * An event the connection fired. `detail` per name:
 * - icecandidate: { candidate: CandidateJson | null, sinceLocalDescription: ms | null } (null candidate = gathering done)
 * - icecandidateerror: { address, port, url, errorCode, errorText }
 * - negotiationneeded: {}
 * - track: { kind, trackId, streamIds, mid }
 * - datachannel: { dc } (the number of the data channel recorded by dc.created)
 */
export interface PcEventEvent extends Base {
  type: 'pc.event';
  pc: number;
  name: 'icecandidate' | 'icecandidateerror' | 'negotiationneeded' | 'track' | 'datachannel';
  detail: Json;
}

/** A getStats() report, taken by the runtime once a second while connected. `report` maps stats id → stats object. */
export interface PcStatsEvent extends Base {
  type: 'pc.stats';
  pc: number;
  report: Record<string, Json>;
}

/**
 * Munging was on and the learner chose what to apply for this paused call
 * (`call` pairs it with its pc.call and pc.result): `edited` equals `original`
 * when they applied it unchanged. `created`: setLocalDescription() had no
 * description, so the runtime created the offer/answer to show it.
 */
export interface PcMungeEvent extends Base {
  type: 'pc.munge';
  pc: number;
  call: number;
  method: 'setLocalDescription' | 'setRemoteDescription';
  sdpType: 'offer' | 'answer' | 'pranswer';
  original: string;
  edited: string;
  created: boolean;
}

// ---- RTCDataChannel ---------------------------------------------------------

export interface DcCreatedEvent extends Base {
  type: 'dc.created';
  pc: number;
  dc: number;
  /** `local`: createDataChannel; `remote`: arrived through the datachannel event. */
  origin: 'local' | 'remote';
  label: string;
  ordered: boolean;
  maxRetransmits: number | null;
  maxPacketLifeTime: number | null;
  protocol: string;
  negotiated: boolean;
  id: number | null;
}

export interface DcStateEvent extends Base {
  type: 'dc.state';
  pc: number;
  dc: number;
  value: 'connecting' | 'open' | 'closing' | 'closed';
}

/**
 * One message sent or received. `preview` is the first 200 characters of a text
 * message (absent for binary); `bytes` is the payload size.
 *
 * Added for flow control and file transfer (optional: older logs lack them):
 * - `bufferedAmount`, `bufferedAmountLowThreshold` (sent only): the channel's
 *   values right after this send, so a check can see how high the send queue grew.
 * - `digest`, `digestTotal` (binary messages whose bytes the runtime could read,
 *   i.e. ArrayBuffer or a typed array, not a Blob): FNV-1a (32 bit, 8 hex digits)
 *   of this message's bytes, and of every binary byte this channel end sent
 *   (or received) so far, in order. The sender's last `digestTotal` equals the
 *   receiver's when the same bytes arrived in the same order.
 */
export interface DcMessageEvent extends Base {
  type: 'dc.message';
  pc: number;
  dc: number;
  direction: 'sent' | 'received';
  binary: boolean;
  bytes: number;
  preview?: string;
  bufferedAmount?: number;
  bufferedAmountLowThreshold?: number;
  digest?: string;
  digestTotal?: string;
}

// ---- PeerJS -----------------------------------------------------------------

/** A Peer object's life: created (with its options), open (with its id), disconnected, close, error. */
export interface PeerEvent extends Base {
  type: 'peerjs.peer';
  peer: number;
  event: 'created' | 'open' | 'disconnected' | 'close' | 'error';
  id?: string;
  options?: Json;
  error?: { type: string; message: string };
}

/** A message on a Peer's signalling socket (OPEN, OFFER, ANSWER, CANDIDATE, LEAVE, EXPIRE, ERROR, ID-TAKEN, HEARTBEAT is not recorded). */
export interface PeerSignalEvent extends Base {
  type: 'peerjs.signal';
  peer: number;
  direction: 'in' | 'out';
  messageType: string;
  src?: string;
  dst?: string;
  connectionId?: string;
  payload: Json;
}

/** A DataConnection or MediaConnection of a Peer. `pc` links it to its RTCPeerConnection once one exists. */
export interface PeerConnectionEvent extends Base {
  type: 'peerjs.connection';
  peer: number;
  kind: 'data' | 'media';
  connectionId: string;
  remoteId: string;
  event: 'created' | 'open' | 'close' | 'error';
  pc?: number;
  error?: { type: string; message: string };
}

// ---- what the doctor needs beyond WebRTC calls ----------------------------

/**
 * The learner used an API that browsers removed or deprecated, e.g.
 * `onaddstream`, `addStream`, `offerToReceiveAudio`, `iceServers[].url`,
 * `webkitRTCPeerConnection`. `api` names it as written; the doctor explains the modern form.
 */
export interface DeprecatedApiEvent extends Base {
  type: 'deprecated';
  api: string;
  pc?: number;
  location?: SourceLocation;
}

/**
 * A <video>/<audio> element in the preview: `play-blocked` when play() was refused
 * by the autoplay policy (detail: { name, message }); `playing` when it started
 * (detail: { videoWidth, videoHeight, muted }, plus `microphone: true` when its srcObject
 * holds a live getUserMedia microphone track). `element` describes it for people: "video#remote".
 */
export interface MediaElementEvent extends Base {
  type: 'media';
  element: string;
  event: 'play-blocked' | 'playing';
  detail: Json;
}

// ---- what lessons report and what the page can do --------------------------

/**
 * The learner's code called `playground.report(name, value)` to tell the
 * checks something only it knows (a prediction, a detected feature). `value`
 * is copied as JSON.
 */
export interface ReportEvent extends Base {
  type: 'report';
  name: string;
  value: Json;
}

/**
 * What the frame's browser offers, detected by the runtime once at start,
 * before any learner code ran (so a check can compare the learner's own
 * feature detection with the truth). Keys: RTCPeerConnection, RTCDataChannel,
 * getUserMedia, getDisplayMedia, enumerateDevices (on navigator.mediaDevices),
 * secureContext (window.isSecureContext), WebSocket, AudioContext; true when present.
 */
export interface FeaturesEvent extends Base {
  type: 'features';
  features: Record<string, boolean>;
}

/**
 * A WebSocket the learner's code opened (PeerJS's own signalling socket is not
 * included: it is recorded as `peerjs.signal`). Sockets are numbered from 1 in
 * creation order (`socket`). `url` comes with open, error and close; `direction`,
 * `bytes` (UTF-8 size of text, byte size of binary) and `preview` (first 200
 * characters of text; absent for binary) with message; `code` and `reason` with close.
 * A send that threw (socket not open yet) is not recorded.
 */
export interface WebSocketEvent extends Base {
  type: 'ws';
  socket: number;
  event: 'open' | 'close' | 'error' | 'message';
  url?: string;
  direction?: 'sent' | 'received';
  bytes?: number;
  preview?: string;
  code?: number;
  reason?: string;
}

export type PlaygroundEvent =
  | RunEvent
  | ConsoleEvent
  | ErrorEvent
  | PcCreatedEvent
  | PcCallEvent
  | PcResultEvent
  | PcStateEvent
  | PcEventEvent
  | PcStatsEvent
  | PcMungeEvent
  | DcCreatedEvent
  | DcStateEvent
  | DcMessageEvent
  | PeerEvent
  | PeerSignalEvent
  | PeerConnectionEvent
  | DeprecatedApiEvent
  | MediaElementEvent
  | ReportEvent
  | FeaturesEvent
  | WebSocketEvent;

export type EventType = PlaygroundEvent['type'];

/** The event of a given type, e.g. `EventOf<'pc.state'>`. */
export type EventOf<T extends EventType> = Extract<PlaygroundEvent, { type: T }>;

/** An event as the runtime builds it, before the log stamps `seq`. */
export type UnstampedEvent = PlaygroundEvent extends infer E ? (E extends PlaygroundEvent ? Omit<E, 'seq'> : never) : never;
