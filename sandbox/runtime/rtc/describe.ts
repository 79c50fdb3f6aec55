/**
 * JSON for the WebRTC objects that appear in method arguments, results and
 * events: what a learner (and the inspector) needs to recognise them, not
 * every property.
 */
import type { CandidateJson, Json } from '../../log/events.ts';
import type { Describer } from '../json.ts';
import type { RtcRegistry } from './registry.ts';

const has = (name: string) => typeof (globalThis as Record<string, unknown>)[name] === 'function';

export function rtcDescriber(registry: RtcRegistry): Describer {
  return (value) => {
    if (has('MediaStreamTrack') && value instanceof MediaStreamTrack) {
      return { kind: value.kind, id: value.id, label: value.label };
    }
    if (has('MediaStream') && value instanceof MediaStream) {
      return { id: value.id, trackIds: value.getTracks().map((t) => t.id) };
    }
    if (has('RTCRtpSender') && value instanceof RTCRtpSender) return trackSummary(value.track);
    if (has('RTCRtpReceiver') && value instanceof RTCRtpReceiver) return trackSummary(value.track);
    if (has('RTCRtpTransceiver') && value instanceof RTCRtpTransceiver) {
      return { mid: value.mid, direction: value.direction, currentDirection: value.currentDirection, ...trackSummary(value.receiver.track) };
    }
    if (has('RTCDataChannel') && value instanceof RTCDataChannel) {
      return { label: value.label, dc: registry.channel(value)?.dc ?? null };
    }
    if (has('RTCCertificate') && value instanceof RTCCertificate) return { expires: value.expires };
    if (has('RTCPeerConnection') && value instanceof RTCPeerConnection) return { pc: registry.pcNumber(value) ?? null };
    return undefined;
  };
}

function trackSummary(track: MediaStreamTrack | null): { [key: string]: Json } {
  return { trackId: track?.id ?? null, kind: track?.kind ?? null };
}

/** An RTCIceCandidate as toJSON() gives it, plus the parsed fields Chromium exposes. */
export function candidateJson(candidate: RTCIceCandidate, eventUrl?: string | null): CandidateJson {
  const c = candidate as RTCIceCandidate & { url?: string | null; relayProtocol?: string | null };
  return {
    candidate: c.candidate,
    sdpMid: c.sdpMid,
    sdpMLineIndex: c.sdpMLineIndex,
    usernameFragment: c.usernameFragment,
    type: c.type ?? null,
    protocol: c.protocol ?? null,
    address: c.address ?? null,
    port: c.port ?? null,
    priority: c.priority ?? null,
    relatedAddress: c.relatedAddress ?? null,
    relatedPort: c.relatedPort ?? null,
    url: c.url ?? eventUrl ?? null,
    relayProtocol: c.relayProtocol ?? null,
  };
}

/** A description as {type, sdp}, whether it is an RTCSessionDescription or a plain object. */
export function descriptionJson(description: RTCSessionDescriptionInit | RTCSessionDescription | null | undefined): Json {
  if (!description) return null;
  return { type: description.type ?? null, sdp: description.sdp ?? null };
}

export function errorInfo(error: unknown): { name: string; message: string } {
  if (typeof error === 'object' && error !== null) {
    const { name, message } = error as { name?: unknown; message?: unknown };
    return { name: typeof name === 'string' ? name : 'Error', message: typeof message === 'string' ? message : String(error) };
  }
  return { name: 'Error', message: String(error) };
}
