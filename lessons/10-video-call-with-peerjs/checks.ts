/**
 * Lesson 10: a PeerJS video call between two Peers in one page. The call is
 * answered when both RTCPeerConnections received a track (Alice's camera at
 * Bob, Bob's answer at Alice); the remote <video> (an element whose id or
 * class says "remote") plays with a size; the runtime's once-a-second stats
 * show the decoded frame count growing.
 */
import type { Check, Verdict } from '../../sandbox/checks/types.ts';
import type { Json, PlaygroundEvent } from '../../sandbox/log/events.ts';
import { type PeerSummary, openedPeers, peerErrors, peers } from '../../sandbox/log/reduce.ts';

const pending = (reason: string): Verdict => ({ status: 'pending', reason });

function short(id: string | null): string {
  if (id === null) return '(no id yet)';
  return id.length > 12 ? `${id.slice(0, 8)}…` : id;
}

function firstError(summaries: readonly PeerSummary[]): string | null {
  const error = peerErrors(summaries)[0];
  return error ? `peer ${error.peer} reported an error (${error.type}): ${error.message}` : null;
}

function isObject(value: Json | undefined): value is { [key: string]: Json } {
  return value !== null && value !== undefined && typeof value === 'object' && !Array.isArray(value);
}

const peersOpen: Check = {
  id: 'peers-open',
  title: 'Both peers are open on the signaller',
  verify(events) {
    const summaries = peers(events);
    const open = openedPeers(summaries);
    if (open.length >= 2) return { status: 'passed', detail: `Both have ids: ${open.map((p) => short(p.id)).join(' and ')}.` };
    const error = firstError(summaries);
    if (error) return pending(error);
    if (summaries.length < 2) return pending('Create two Peers with new Peer(): one to call, one to answer.');
    return pending('Waiting for the signaller to confirm both peers’ ids.');
  },
};

/** The kinds of track each RTCPeerConnection received (pc.event track), by pc number. */
function tracksByPc(events: readonly PlaygroundEvent[]): Map<number, Set<string>> {
  const out = new Map<number, Set<string>>();
  for (const event of events) {
    if (event.type !== 'pc.event' || event.name !== 'track') continue;
    const kind = isObject(event.detail) && typeof event.detail['kind'] === 'string' ? event.detail['kind'] : 'unknown';
    const kinds = out.get(event.pc) ?? new Set<string>();
    kinds.add(kind);
    out.set(event.pc, kinds);
  }
  return out;
}

function mediaConnections(events: readonly PlaygroundEvent[]) {
  return peers(events).flatMap((p) => p.connections.filter((c) => c.kind === 'media'));
}

const callAnswered: Check = {
  id: 'call-answered',
  title: 'The call was answered with a stream',
  verify(events) {
    const tracks = tracksByPc(events);
    const withVideo = [...tracks].filter(([, kinds]) => kinds.has('video'));
    if (withVideo.length >= 2) {
      return { status: 'passed', detail: `Video arrived on both sides (pc ${withVideo.map(([pc]) => pc).join(' and pc ')}).` };
    }
    const error = firstError(peers(events));
    if (error) return pending(error);
    const calls = mediaConnections(events);
    if (calls.length === 0) return pending('No call yet: once both peers are open, one calls the other with peer.call(otherId, stream).');
    if (new Set(calls.map((c) => c.peer)).size < 2) {
      return pending('The call was placed, but the other peer has not received it yet: listen for its call event.');
    }
    if (withVideo.length === 1) {
      return pending('Video travels one way only: answer with a stream, call.answer(stream), so the caller receives one too.');
    }
    return pending('The call rang but nobody answered: in the call handler, call call.answer(stream).');
  },
};

interface Playing {
  element: string;
  videoWidth: number;
  videoHeight: number;
}

function playingVideos(events: readonly PlaygroundEvent[]): Playing[] {
  const out: Playing[] = [];
  for (const event of events) {
    if (event.type !== 'media' || event.event !== 'playing' || !event.element.startsWith('video')) continue;
    const detail = isObject(event.detail) ? event.detail : {};
    const size = (key: string): number => (typeof detail[key] === 'number' ? detail[key] : 0);
    out.push({ element: event.element, videoWidth: size('videoWidth'), videoHeight: size('videoHeight') });
  }
  return out;
}

function blockedVideos(events: readonly PlaygroundEvent[]): string[] {
  return events.flatMap((e) => (e.type === 'media' && e.event === 'play-blocked' ? [e.element] : []));
}

const remotePlaying: Check = {
  id: 'remote-playing',
  title: 'The remote video is playing',
  verify(events) {
    const remote = playingVideos(events).find((v) => v.element.includes('remote') && v.videoWidth > 0);
    if (remote) return { status: 'passed', detail: `${remote.element} plays ${remote.videoWidth}×${remote.videoHeight}.` };
    const blocked = blockedVideos(events).find((element) => element.includes('remote'));
    if (blocked) {
      return pending(`${blocked} was not allowed to play: without a click first, only a muted video may play by itself. Add muted.`);
    }
    return pending('video#remote is not playing yet: in the stream handler, set its srcObject to the remote stream.');
  },
};

/** framesDecoded of every inbound video stream, per pc and stats id, in log order. */
function decodedFrames(events: readonly PlaygroundEvent[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const event of events) {
    if (event.type !== 'pc.stats') continue;
    for (const [id, stats] of Object.entries(event.report)) {
      if (!isObject(stats) || stats['type'] !== 'inbound-rtp' || stats['kind'] !== 'video') continue;
      const frames = stats['framesDecoded'];
      if (typeof frames !== 'number') continue;
      const key = `pc ${event.pc}, ${id}`;
      out.set(key, [...(out.get(key) ?? []), frames]);
    }
  }
  return out;
}

const framesFlowing: Check = {
  id: 'frames-flowing',
  title: 'Video frames keep arriving',
  verify(events) {
    const series = [...decodedFrames(events)];
    const growing = series.find(([, frames]) => frames.length >= 2 && frames[frames.length - 1]! > frames[0]!);
    if (growing) {
      const [key, frames] = growing;
      return { status: 'passed', detail: `${key}: ${frames[frames.length - 1]} frames decoded and counting.` };
    }
    if (series.length === 0) return pending('No incoming video yet: the stats show frames once the call is connected.');
    return pending('Video is negotiated, but the decoded frame count is not growing yet.');
  },
};

export default [peersOpen, callAnswered, remotePlaying, framesFlowing] satisfies Check[];
