/**
 * What a peer connection fires: its four state attributes and the events a
 * learner handles (icecandidate, icecandidateerror, negotiationneeded, track,
 * datachannel). Listeners are added in the constructor, before the learner's,
 * so the log shows the event before anything the learner's handler prints.
 */
import type { PcStateName } from '../../log/events.ts';
import { elapsed, listen } from '../natives.ts';
import type { Recorder } from '../recorder.ts';
import type { DataChannels } from './data-channel.ts';
import { candidateJson } from './describe.ts';
import type { RtcRegistry } from './registry.ts';
import type { StatsSampler } from './stats.ts';

const STATES: [string, PcStateName][] = [
  ['signalingstatechange', 'signalingState'],
  ['icegatheringstatechange', 'iceGatheringState'],
  ['iceconnectionstatechange', 'iceConnectionState'],
  ['connectionstatechange', 'connectionState'],
];

export interface PcEventDeps {
  recorder: Recorder;
  registry: RtcRegistry;
  channels: DataChannels;
  stats: StatsSampler;
}

export function listenToConnection(pc: RTCPeerConnection, n: number, deps: PcEventDeps): void {
  const { recorder, registry, channels, stats } = deps;

  for (const [type, which] of STATES) {
    listen(pc, type, () => {
      const value = String(pc[which]);
      recorder.record({ type: 'pc.state', pc: n, which, value });
      if (which === 'connectionState') stats.watch(pc, n, value === 'connected');
    });
  }

  listen(pc, 'icecandidate', (event) => {
    const { candidate, url } = event as RTCPeerConnectionIceEvent & { url?: string | null };
    const since = registry.localDescriptionAt.get(pc);
    recorder.record({
      type: 'pc.event',
      pc: n,
      name: 'icecandidate',
      detail: {
        candidate: candidate ? { ...candidateJson(candidate, url) } : null,
        sinceLocalDescription: since === undefined ? null : Math.round((elapsed() - since) * 10) / 10,
      },
    });
  });

  listen(pc, 'icecandidateerror', (event) => {
    const e = event as RTCPeerConnectionIceErrorEvent;
    recorder.record({
      type: 'pc.event',
      pc: n,
      name: 'icecandidateerror',
      detail: { address: e.address ?? null, port: e.port ?? null, url: e.url, errorCode: e.errorCode, errorText: e.errorText },
    });
  });

  listen(pc, 'negotiationneeded', () => {
    recorder.record({ type: 'pc.event', pc: n, name: 'negotiationneeded', detail: {} });
  });

  listen(pc, 'track', (event) => {
    const e = event as RTCTrackEvent;
    recorder.record({
      type: 'pc.event',
      pc: n,
      name: 'track',
      detail: { kind: e.track.kind, trackId: e.track.id, streamIds: e.streams.map((s) => s.id), mid: e.transceiver?.mid ?? null },
    });
  });

  listen(pc, 'datachannel', (event) => {
    const dc = channels.adopt(n, (event as RTCDataChannelEvent).channel, 'remote');
    recorder.record({ type: 'pc.event', pc: n, name: 'datachannel', detail: { dc } });
  });
}
