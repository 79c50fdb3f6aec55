/**
 * Lesson 20, the capstone: two tabs, each one side of a pair, run the same
 * code. Each tab's checks read only its own frame's log:
 *
 * - its Peer opened with the pair's id and a connection to the other side's id opened;
 * - the remote <video> played with a size;
 * - a chat message went out and one came in (text messages, JSON `{"type":"chat",…}`);
 * - the file this side sent was acknowledged with the same SHA-256 it announced;
 * - the file the other side sent arrived whole and this side acknowledged the announced SHA-256.
 *
 * Control messages are read from the data-channel message previews (the first
 * 200 characters of each text message), so the hash and size must come early
 * in them: the lesson's format puts them before the file name.
 */
import type { Check, Verdict } from '../../sandbox/checks/types.ts';
import type { DcMessageEvent, PlaygroundEvent } from '../../sandbox/log/events.ts';
import { messages, openedPeers, peerErrors, peers, type PeerSummary } from '../../sandbox/log/reduce.ts';
import { arePartners, pairOfPeerId } from '../../sandbox/pairing.ts';

const pending = (reason: string): Verdict => ({ status: 'pending', reason });

/** What the checks need from one of the lesson's JSON control messages. */
export interface Control {
  type: string;
  sha256: string | null;
  size: number | null;
  dc: number;
  seq: number;
}

/** A text message's preview read as a control message, or null when it is not one. */
export function readControl(message: DcMessageEvent): Control | null {
  if (message.binary || message.preview === undefined) return null;
  const type = /"type"\s*:\s*"(\w+)"/.exec(message.preview)?.[1];
  if (!type) return null;
  const sha256 = /"sha256"\s*:\s*"([0-9a-f]{64})"/i.exec(message.preview)?.[1]?.toLowerCase() ?? null;
  const size = /"size"\s*:\s*(\d+)/.exec(message.preview)?.[1];
  return { type, sha256, size: size === undefined ? null : Number(size), dc: message.dc, seq: message.seq };
}

function controls(events: readonly PlaygroundEvent[], direction: DcMessageEvent['direction'], type: string): Control[] {
  return messages(events, direction).flatMap((m) => {
    const control = readControl(m);
    return control && control.type === type ? [control] : [];
  });
}

/** Binary bytes on one channel end in one direction after `afterSeq`. */
function binaryBytes(events: readonly PlaygroundEvent[], direction: DcMessageEvent['direction'], dc: number, afterSeq: number): number {
  return messages(events, direction)
    .filter((m) => m.binary && m.dc === dc && m.seq > afterSeq)
    .reduce((sum, m) => sum + m.bytes, 0);
}

function firstError(summaries: readonly PeerSummary[]): string | null {
  const error = peerErrors(summaries).find((e) => e.type !== 'peer-unavailable');
  return error ? `PeerJS reported an error (${error.type}): ${error.message}` : null;
}

const connected: Check = {
  id: 'connected',
  title: 'Connected to the other tab',
  verify(events) {
    const summaries = peers(events);
    const open = openedPeers(summaries);
    const paired = open.find((p) => p.id !== null && pairOfPeerId(p.id) !== null);
    if (!paired) {
      const error = firstError(summaries);
      if (error) return pending(error);
      const other = open.find((p) => p.id !== null);
      if (other) return pending(`This Peer's id (${other.id}) is not the pair's: create it with new Peer(playground.pair.myId) so the other tab can find it.`);
      if (summaries.length === 0) return pending('No Peer yet: create one with new Peer(playground.pair.myId).');
      return pending('Waiting for the signaller to open this Peer.');
    }
    const link = paired.connections.find((c) => c.opened && arePartners(paired.id as string, c.remoteId));
    if (link) return { status: 'passed', detail: `${paired.id} ↔ ${link.remoteId} (${link.kind} connection).` };
    const error = firstError(summaries);
    if (error) return pending(error);
    return pending('Waiting for the other side: open it with "Open the other peer in a new tab" (or the QR code) and press Run there.');
  },
};

const remoteVideo: Check = {
  id: 'remote-video',
  title: "The other tab's video plays here",
  verify(events) {
    const playing = events.find(
      (e) =>
        e.type === 'media' &&
        e.event === 'playing' &&
        e.element.startsWith('video') &&
        e.element.includes('remote') &&
        typeof e.detail === 'object' &&
        e.detail !== null &&
        !Array.isArray(e.detail) &&
        typeof e.detail['videoWidth'] === 'number' &&
        e.detail['videoWidth'] > 0,
    );
    if (playing && playing.type === 'media') {
      const detail = playing.detail as { videoWidth: number; videoHeight?: number };
      return { status: 'passed', detail: `${playing.element} plays ${detail.videoWidth}×${detail.videoHeight ?? '?'}.` };
    }
    const blocked = events.find((e) => e.type === 'media' && e.event === 'play-blocked' && e.element.includes('remote'));
    if (blocked && blocked.type === 'media') {
      return pending(`${blocked.element} was not allowed to play by itself: keep it muted (the Unmute button turns sound on with a click).`);
    }
    return pending('video#remote is not playing yet: answer the call with your stream and set srcObject in the stream handler.');
  },
};

const chat: Check = {
  id: 'chat',
  title: 'A chat message went each way',
  verify(events) {
    const sent = controls(events, 'sent', 'chat');
    const received = controls(events, 'received', 'chat');
    if (sent.length > 0 && received.length > 0) {
      return { status: 'passed', detail: `${sent.length} sent, ${received.length} received.` };
    }
    if (sent.length === 0 && messages(events, 'sent').some((m) => m.binary) && !messages(events, 'sent').some((m) => !m.binary)) {
      return pending("Messages go out as binary: open the connection with { serialization: 'raw' } and send JSON text.");
    }
    if (sent.length === 0) return pending("Nothing sent yet: in sendChat, sendMessage({ type: 'chat', text }) once the connection is open.");
    return pending('Sent, but no chat message from the other side has arrived yet: is its code sending too?');
  },
};

const fileAcknowledged: Check = {
  id: 'file-acknowledged',
  title: 'The other side confirmed your file by its SHA-256',
  verify(events) {
    const header = controls(events, 'sent', 'file').find((h) => h.sha256 !== null && h.size !== null);
    if (!header) return pending("No file announced yet: send { type: 'file', sha256, size, name } before the chunks.");
    const size = header.size as number;
    const sentBytes = binaryBytes(events, 'sent', header.dc, header.seq);
    if (sentBytes < size) return pending(`${sentBytes} of ${size} bytes sent: send every chunk as a binary message.`);
    const acks = controls(events, 'received', 'ack').filter((a) => a.seq > header.seq && a.sha256 !== null);
    const same = acks.find((a) => a.sha256 === header.sha256);
    if (same) return { status: 'passed', detail: `${size} bytes sent in chunks; the other side's SHA-256 matches (${same.sha256?.slice(0, 16)}…).` };
    const other = acks[0];
    if (other) {
      return {
        status: 'failed',
        reason: `The other side hashed ${other.sha256?.slice(0, 12)}…, not the announced ${header.sha256?.slice(0, 12)}…: were the chunks sent in order, each once?`,
      };
    }
    return pending('The whole file was sent; waiting for the other side to acknowledge it with its SHA-256.');
  },
};

const fileReceived: Check = {
  id: 'file-received',
  title: "The other side's file arrived intact",
  verify(events) {
    const header = controls(events, 'received', 'file').find((h) => h.sha256 !== null && h.size !== null);
    if (!header) return pending('No file announced by the other side yet.');
    const size = header.size as number;
    const got = binaryBytes(events, 'received', header.dc, header.seq);
    if (got < size) return pending(`${got} of ${size} bytes received so far.`);
    const ack = controls(events, 'sent', 'ack').find((a) => a.seq > header.seq);
    if (!ack) return pending("The file arrived: hash it and answer { type: 'ack', sha256, ok, name }.");
    if (ack.sha256 === null) return pending('The acknowledgement carries no SHA-256 (64 hex digits): hash the received bytes with crypto.subtle.digest.');
    if (ack.sha256 !== header.sha256) {
      return {
        status: 'failed',
        reason: `The bytes hash to ${ack.sha256.slice(0, 12)}…, the sender announced ${header.sha256?.slice(0, 12)}…: join the chunks in arrival order.`,
      };
    }
    return { status: 'passed', detail: `${got} bytes, SHA-256 ${ack.sha256.slice(0, 16)}… as announced.` };
  },
};

export default [connected, remoteVideo, chat, fileAcknowledged, fileReceived] satisfies Check[];
