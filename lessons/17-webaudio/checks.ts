/**
 * Lesson 17: WebAudio meets WebRTC. The microphone goes through a WebAudio
 * graph into a MediaStreamAudioDestinationNode whose track pc1 sends; pc2's
 * remote stream plays in a muted <audio> and feeds an AnalyserNode.
 *
 * What was measured in Chromium and shapes these checks:
 * - a MediaStreamAudioDestinationNode's track is labelled
 *   "MediaStreamAudioDestinationNode" (the fake microphone: "Fake Default Audio Input");
 * - inbound-rtp audioLevel and totalAudioEnergy stay 0 while the element playing
 *   the remote stream is muted (Chromium measures after the element's volume),
 *   so the harness measures the level where it leaves: the sender's audio
 *   media-source (totalAudioEnergy over totalSamplesDuration);
 * - with no media element playing the remote stream, Chromium decodes nothing:
 *   inbound-rtp totalSamplesReceived stays 0 and the analyser reads silence.
 */
import type { Check, Verdict } from '../../sandbox/checks/types.ts';
import type { PlaygroundEvent } from '../../sandbox/log/events.ts';
import { lastReport } from '../../sandbox/log/reports.ts';
import { num, statsOfType, type Stat } from '../../site/src/inspector/stats/report.ts';

const pending = (reason: string): Verdict => ({ status: 'pending', reason });

/** Chromium's label for the track of a MediaStreamAudioDestinationNode. */
export const WEBAUDIO_TRACK_LABEL = 'MediaStreamAudioDestinationNode';
/** The quietest sent level that counts as sound (the fake microphone's beep measures about 0.48). */
export const MIN_LEVEL = 0.05;
/** How far (as a factor either way) the learner's analyser may be from the harness's level. */
export const AGREEMENT_FACTOR = 10;
/** One second of decoded audio at 48 kHz. */
const ONE_SECOND_OF_SAMPLES = 48_000;

interface SentTrack {
  pc: number;
  label: string;
}

/** Audio tracks handed to addTrack()/addTransceiver(), with their labels. */
export function sentAudioTracks(events: readonly PlaygroundEvent[]): SentTrack[] {
  const out: SentTrack[] = [];
  for (const event of events) {
    if (event.type !== 'pc.call' || (event.method !== 'addTrack' && event.method !== 'addTransceiver')) continue;
    const track = event.args[0];
    if (track === null || typeof track !== 'object' || Array.isArray(track)) continue;
    if (track['kind'] === 'audio' && typeof track['label'] === 'string') out.push({ pc: event.pc, label: track['label'] });
  }
  return out;
}

interface Sample {
  pc: number;
  t: number;
  stat: Stat;
}

/** Every recorded stats object of this type and kind 'audio', in log order. */
function audioStats(events: readonly PlaygroundEvent[], type: string): Sample[] {
  return events.flatMap((e) =>
    e.type === 'pc.stats' ? statsOfType(e.report, type).filter((s) => s['kind'] === 'audio').map((stat) => ({ pc: e.pc, t: e.t, stat })) : [],
  );
}

export interface SentLevel {
  pc: number;
  /** sqrt(Δ totalAudioEnergy / Δ totalSamplesDuration): WebRTC's own measure of the sent audio, 0..1. */
  level: number;
  seconds: number;
}

/**
 * The level of the audio a connection sent, measured by WebRTC on the audio
 * media-source between its first and last sample; the loudest connection's.
 */
export function sentLevel(events: readonly PlaygroundEvent[]): SentLevel | null {
  let best: SentLevel | null = null;
  const byPc = new Map<number, Stat[]>();
  for (const { pc, stat } of audioStats(events, 'media-source')) byPc.set(pc, [...(byPc.get(pc) ?? []), stat]);
  for (const [pc, stats] of byPc) {
    const first = stats[0];
    const last = stats[stats.length - 1];
    const energy = (num(last, 'totalAudioEnergy') ?? 0) - (num(first, 'totalAudioEnergy') ?? 0);
    const seconds = (num(last, 'totalSamplesDuration') ?? 0) - (num(first, 'totalSamplesDuration') ?? 0);
    if (seconds < 1) continue;
    const level = Math.sqrt(Math.max(0, energy) / seconds);
    if (!best || level > best.level) best = { pc, level, seconds };
  }
  return best;
}

export interface Received {
  pc: number;
  packets: number;
  /** Growth of totalSamplesReceived: samples Chromium decoded. */
  decoded: number;
}

/** What each receiving connection got: packets and decoded samples, first to last sample. */
export function receivedAudio(events: readonly PlaygroundEvent[]): Received[] {
  const byPc = new Map<number, Stat[]>();
  for (const { pc, stat } of audioStats(events, 'inbound-rtp')) byPc.set(pc, [...(byPc.get(pc) ?? []), stat]);
  return [...byPc].map(([pc, stats]) => {
    const last = stats[stats.length - 1];
    const first = stats[0];
    return {
      pc,
      packets: num(last, 'packetsReceived') ?? 0,
      decoded: (num(last, 'totalSamplesReceived') ?? 0) - (num(first, 'totalSamplesReceived') ?? 0),
    };
  });
}

const sendsWebAudio: Check = {
  id: 'sends-webaudio',
  title: 'The track sent comes out of WebAudio',
  verify(events) {
    const tracks = sentAudioTracks(events);
    const processed = tracks.find((t) => t.label === WEBAUDIO_TRACK_LABEL);
    if (processed) return { status: 'passed', detail: `pc ${processed.pc} sends the track of a MediaStreamAudioDestinationNode.` };
    const raw = tracks[0];
    if (raw) {
      return pending(
        `pc ${raw.pc} sends "${raw.label}", the microphone itself: send the track of context.createMediaStreamDestination() (its stream's audio track) instead.`,
      );
    }
    return pending('No audio track was added to a connection yet: pc1.addTrack(track, stream).');
  },
};

const soundSent: Check = {
  id: 'sound-sent',
  title: `WebRTC measures sound on the sent track (level above ${MIN_LEVEL})`,
  verify(events) {
    const sent = sentLevel(events);
    if (!sent) {
      return pending('Waiting for a second of sent audio in getStats (media-source totalSamplesDuration). If none comes, is the AudioContext running, not suspended?');
    }
    if (sent.level < MIN_LEVEL) {
      return pending(
        `The sent audio is silent (level ${sent.level.toFixed(3)}): is the AudioContext running (not suspended), and is the source connected through to the destination node?`,
      );
    }
    return { status: 'passed', detail: `pc ${sent.pc} sent audio at level ${sent.level.toFixed(2)} over ${sent.seconds.toFixed(1)} s.` };
  },
};

const remoteDecoded: Check = {
  id: 'remote-decoded',
  title: 'The receiving side decodes the remote audio (totalSamplesReceived grows)',
  verify(events) {
    const received = receivedAudio(events);
    const decoding = received.find((r) => r.decoded >= ONE_SECOND_OF_SAMPLES);
    if (decoding) return { status: 'passed', detail: `pc ${decoding.pc} decoded ${(decoding.decoded / 48_000).toFixed(1)} s of audio.` };
    if (received.some((r) => r.packets > 0)) {
      return pending(
        'Packets arrive but nothing is decoded: Chromium decodes a remote stream only while a media element plays it. Set the muted <audio> element\'s srcObject to the remote stream.',
      );
    }
    return pending('No audio has arrived on a receiving connection yet (inbound-rtp).');
  },
};

const analyserAgrees: Check = {
  id: 'analyser-agrees',
  title: "The analyser's reported level agrees with WebRTC's",
  verify(events) {
    const report = lastReport(events, 'remoteLevel');
    if (!report) return pending("Report what the analyser hears: playground.report('remoteLevel', loudestSample) once a second.");
    const value = report.value;
    if (typeof value !== 'number' || !Number.isFinite(value)) return pending(`remoteLevel was ${JSON.stringify(value)}: report a number from 0 to 1.`);
    if (value < 0 || value > 1.5) {
      return pending(`remoteLevel was ${value}: report a sample value from 0 to 1 (getFloatTimeDomainData), not bytes or decibels.`);
    }
    const sent = sentLevel(events);
    if (!sent || sent.level < MIN_LEVEL) return pending('Waiting for WebRTC to measure sound on the sent track.');
    const ratio = value / sent.level;
    if (ratio < 1 / AGREEMENT_FACTOR) {
      return pending(
        `The analyser reports ${value.toFixed(3)} while ${sent.level.toFixed(2)} is being sent: it hears (almost) silence. Is the remote stream playing in the muted <audio>?`,
      );
    }
    if (ratio > AGREEMENT_FACTOR) return pending(`The analyser reports ${value.toFixed(2)}, far above the ${sent.level.toFixed(2)} being sent: is it measuring the right stream?`);
    return { status: 'passed', detail: `The analyser reports ${value.toFixed(2)}; WebRTC measured ${sent.level.toFixed(2)} sent.` };
  },
};

const noFeedback: Check = {
  id: 'no-feedback',
  title: 'Your own microphone is never played back unmuted',
  verify(events) {
    const playing = events.filter((e) => e.type === 'media' && e.event === 'playing');
    for (const e of playing) {
      if (e.type !== 'media') continue;
      const detail = e.detail;
      const muted = detail !== null && typeof detail === 'object' && !Array.isArray(detail) && detail['muted'] === true;
      if (!muted) {
        return { status: 'failed', reason: `${e.element} played unmuted: in this page that is your own microphone coming back (feedback). Add the muted attribute.` };
      }
    }
    const audio = playing.find((e) => e.type === 'media' && e.element.startsWith('audio'));
    if (!audio || audio.type !== 'media') return pending('No <audio> element plays the remote stream yet: give the muted <audio> the stream in pc2.ontrack.');
    return { status: 'passed', detail: `${audio.element} plays the remote stream muted.` };
  },
};

export default [sendsWebAudio, soundSent, remoteDecoded, analyserAgrees, noFeedback] satisfies Check[];
