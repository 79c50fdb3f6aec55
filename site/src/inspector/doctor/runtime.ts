/**
 * Doctor rules about what happens around the connection: media elements the
 * autoplay policy blocked or playing the microphone back (echo), screen sharing
 * without a gesture, data-channel limits, and PeerJS's errors.
 */
import type { MediaElementEvent, PlaygroundEvent } from '../../../../sandbox/log/events.ts';
import { peerErrors, peers } from '../../../../sandbox/log/reduce.ts';
import type { Finding } from './finding.ts';

/**
 * One finding per media element, for the media events `matches` picks; later
 * events of the same element are added to its evidence.
 */
function perElement(events: readonly PlaygroundEvent[], matches: (event: MediaElementEvent) => boolean, make: (element: string) => Omit<Finding, 'evidence'>): Finding[] {
  const byElement = new Map<string, Finding>();
  for (const event of events) {
    if (event.type !== 'media' || !matches(event)) continue;
    const existing = byElement.get(event.element);
    if (existing) existing.evidence.push(event.seq);
    else byElement.set(event.element, { ...make(event.element), evidence: [event.seq] });
  }
  return [...byElement.values()];
}

/** A <video>/<audio> whose play() the browser refused without a user gesture. */
export function autoplayBlocked(events: readonly PlaygroundEvent[]): Finding[] {
  return perElement(
    events,
    (event) => event.event === 'play-blocked',
    (element) => ({
      id: `autoplay:${element}`,
      severity: 'error',
      title: `${element} was not allowed to play`,
      explanation:
        'Browsers refuse to start media with sound until the user has interacted with the page (the autoplay policy), so the element stays black or silent. ' +
        'iOS Safari also refuses inline video without playsinline.',
      fix:
        'For remote video, add the muted and playsinline attributes (<video autoplay muted playsinline>), or call video.play() from a click handler ' +
        '(e.g. an "Unmute" button) so the user\'s gesture allows sound.',
    }),
  );
}

/** An unmuted <video>/<audio> playing the learner's own microphone: the speakers feed it back into the microphone. */
export function echoFromLocalPreview(events: readonly PlaygroundEvent[]): Finding[] {
  return perElement(
    events,
    (event) => {
      const detail = event.detail;
      if (event.event !== 'playing' || detail === null || typeof detail !== 'object' || Array.isArray(detail)) return false;
      return detail['microphone'] === true && detail['muted'] === false;
    },
    (element) => ({
      id: `echo:${element}`,
      severity: 'warning',
      title: `${element} plays your own microphone unmuted (echo and feedback)`,
      explanation:
        'This element shows a local getUserMedia stream with its microphone track, and it is not muted, so the page plays your voice out of the speakers. ' +
        'The microphone picks that up again: you hear yourself with a delay, the other side hears an echo, and with loud speakers it howls (feedback).',
      fix: 'Mute every local preview: <video id="local" autoplay playsinline muted>, or video.muted = true before play(). Only remote media should be heard.',
    }),
  );
}

/** getDisplayMedia called outside a click (or other user gesture): Chromium refuses it. */
export function screenShareWithoutGesture(events: readonly PlaygroundEvent[]): Finding[] {
  const evidence = events
    .filter((event) => /getDisplayMedia/.test(errorText(event) ?? '') && /transient activation|user gesture/i.test(errorText(event) ?? ''))
    .map((event) => event.seq);
  if (!evidence.length) return [];
  return [
    {
      id: 'screen-share-gesture',
      severity: 'error',
      title: 'Screen sharing was refused: getDisplayMedia needs a user gesture',
      explanation: 'Browsers only let a page ask to share the screen in direct answer to the user, such as a click, so a page cannot start capturing on its own.',
      fix: 'Call navigator.mediaDevices.getDisplayMedia() inside a button\'s click handler. To switch a call from camera to screen, then use sender.replaceTrack(screenTrack).',
      evidence,
    },
  ];
}

/** The text of an error the learner saw: an error event, or a console.error line. */
function errorText(event: PlaygroundEvent): string | null {
  if (event.type === 'error') return `${event.name}: ${event.message}`;
  if (event.type === 'console' && event.level === 'error') return event.text;
  return null;
}

const TOO_BIG = /max(imum)?[ -]?message[ -]?size|message too (large|big)|exceeds the maximum/i;
const QUEUE_FULL = /send queue (is )?full|queue is full/i;

/** RTCDataChannel.send refused a message: too big for the peer, or the send buffer is full. */
export function dataChannelLimits(events: readonly PlaygroundEvent[]): Finding[] {
  const tooBig: number[] = [];
  const queueFull: number[] = [];
  for (const event of events) {
    const text = errorText(event);
    if (text === null) continue;
    if (TOO_BIG.test(text)) tooBig.push(event.seq);
    else if (QUEUE_FULL.test(text)) queueFull.push(event.seq);
  }
  const findings: Finding[] = [];
  if (tooBig.length) {
    findings.push({
      id: 'dc-message-too-big',
      severity: 'error',
      title: 'A data-channel message was larger than the peer accepts',
      explanation:
        'Each peer announces the largest message it accepts (a=max-message-size in its description; pc.sctp.maxMessageSize). A bigger send() throws instead of sending.',
      fix: 'Split large data into chunks (16 KiB is safe everywhere) and reassemble them on the other side; check pc.sctp.maxMessageSize before sending.',
      evidence: tooBig,
    });
  }
  if (queueFull.length) {
    findings.push({
      id: 'dc-queue-full',
      severity: 'error',
      title: 'The data channel\'s send queue was full',
      explanation:
        'send() only queues data; the browser buffers a limited amount (channel.bufferedAmount). Sending in a tight loop fills the buffer faster than the network drains it, and send() throws.',
      fix:
        'Use flow control: set channel.bufferedAmountLowThreshold, and when bufferedAmount is above it, wait for the "bufferedamountlow" event before sending more.',
      evidence: queueFull,
    });
  }
  return findings;
}

const PEERJS_ADVICE: Record<string, { title: string; explanation: string; fix: string }> = {
  'peer-unavailable': {
    title: 'PeerJS: the peer you called does not exist (peer-unavailable)',
    explanation: 'The signaller has no peer with that id: a typo, the other side has not opened yet, or it has already left.',
    fix: 'Connect only after the other peer\'s "open" event has given you its id, and pass exactly that id to peer.connect()/peer.call().',
  },
  'unavailable-id': {
    title: 'PeerJS: the id is taken (unavailable-id)',
    explanation: 'Another Peer holds this id on the signaller, often the same page from a previous run or another tab, until its connection times out.',
    fix: 'Let the signaller pick an id (new Peer() with no id), or add something random to yours; destroy old Peers with peer.destroy().',
  },
  network: {
    title: 'PeerJS: lost the connection to the signalling server (network)',
    explanation: 'The Peer\'s socket to the signaller closed or could not be opened; no new connections can be set up until it reconnects.',
    fix: 'Check the host, port and path options (the playground\'s defaults work without any), and call peer.reconnect() on "disconnected".',
  },
  'invalid-id': {
    title: 'PeerJS: invalid id',
    explanation: 'Ids may contain only letters, digits, hyphens and underscores, starting and ending with a letter or digit.',
    fix: 'Choose an id of that form, or let the signaller choose one.',
  },
  'server-error': {
    title: 'PeerJS: the signalling server could not be reached (server-error)',
    explanation: 'PeerJS could not get an id from the server: wrong host/port/path, or the server is down.',
    fix: 'Use new Peer() with no options in the playground: it points at the playground\'s own signaller.',
  },
  'not-open-yet': {
    title: 'PeerJS: send() before the connection was open (not-open-yet)',
    explanation:
      'peer.connect() returns the DataConnection at once, but its data channel opens only after the offer, answer and candidates have gone through the signaller. PeerJS drops a message sent before that, and the other side never gets it.',
    fix: 'Send from the connection\'s "open" event: connection.on("open", () => connection.send(...)). The side that receives the connection (peer.on("connection")) must wait for "open" too.',
  },
  'message-too-big': {
    title: 'PeerJS: the message is too big for the data channel (message-too-big)',
    explanation: 'The message is larger than the data channel accepts in one piece (its maxMessageSize).',
    fix: 'Split large data into chunks (16 KiB is safe everywhere), or use serialization "binary", which chunks for you.',
  },
  'negotiation-failed': {
    title: 'PeerJS: the WebRTC negotiation failed (negotiation-failed)',
    explanation: 'The offer/answer exchange of this connection failed inside PeerJS, so it cannot open.',
    fix: 'Look at the Inspector\'s timeline for the failed description call; make sure both peers use the playground\'s signaller and ICE servers.',
  },
  'connection-closed': {
    title: 'PeerJS: the connection was closed (connection-closed)',
    explanation: 'The underlying RTCPeerConnection closed or failed, so this DataConnection or MediaConnection is gone.',
    fix: 'Listen for "close" on the connection and open a new one (peer.connect() or peer.call()) if you still need it.',
  },
  disconnected: {
    title: 'PeerJS: the Peer is disconnected from the signaller (disconnected)',
    explanation: 'The Peer lost or closed its socket to the signaller, so it cannot make new connections; existing ones may keep working.',
    fix: 'Call peer.reconnect() on the "disconnected" event, or create a new Peer.',
  },
  webrtc: {
    title: 'PeerJS: WebRTC reported an error (webrtc)',
    explanation: 'An RTCPeerConnection call inside PeerJS failed.',
    fix: 'The Inspector\'s timeline shows which call failed and why.',
  },
  'socket-error': {
    title: 'PeerJS: the signalling socket failed (socket-error)',
    explanation: 'The WebSocket to the signaller reported an error.',
    fix: 'Check the host, port and path options, or leave them out to use the playground\'s signaller.',
  },
};

/** PeerJS errors reported by a Peer or one of its connections, grouped by type. */
export function peerjsErrors(events: readonly PlaygroundEvent[]): Finding[] {
  const groups = new Map<string, Finding>();
  for (const error of peerErrors(peers(events))) {
    const existing = groups.get(error.type);
    if (existing) {
      existing.evidence.push(error.seq);
      continue;
    }
    const advice = PEERJS_ADVICE[error.type] ?? {
      title: `PeerJS error: ${error.type}`,
      explanation: 'This is one of the errors PeerJS reports on a Peer or a connection ("error" event).',
      fix: `Look up "${error.type}" among PeerJS's error types (PeerErrorType, DataConnectionErrorType) and handle the "error" event.`,
    };
    groups.set(error.type, {
      id: `peerjs:${error.type}`,
      severity: 'error',
      title: advice.title,
      explanation: `${advice.explanation} PeerJS said: "${error.message}".`,
      fix: advice.fix,
      evidence: [error.seq],
    });
  }
  return [...groups.values()];
}
