// The echo rule, and the whole doctor over lesson 19's recorded runs: one
// finding per case in the starting files, nothing for the solution.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PlaygroundEvent } from '../../../../sandbox/log/events.ts';
import { diagnose } from '../../../../site/src/inspector/doctor/diagnose.ts';
import { echoFromLocalPreview } from '../../../../site/src/inspector/doctor/runtime.ts';
import { LogBuilder } from '../../log/builder.ts';

const fixture = (name: string): PlaygroundEvent[] =>
  JSON.parse(readFileSync(new URL(`../../lessons/fixtures/${name}`, import.meta.url), 'utf8')) as PlaygroundEvent[];

const playing = (log: LogBuilder, element: string, detail: Record<string, boolean | number>) =>
  log.push({ type: 'media', element, event: 'playing', detail: { videoWidth: 640, videoHeight: 480, ...detail } });

describe('echo from an unmuted local preview', () => {
  it('warns about the recorded preview of the camera and microphone that was not muted', () => {
    const events = fixture('19-files.json');
    const findings = echoFromLocalPreview(events);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ id: 'echo:video#preview', severity: 'warning' });
    expect(findings[0]!.fix).toMatch(/muted/);
    const evidence = events.find((e) => e.seq === findings[0]!.evidence[0]);
    expect(evidence).toMatchObject({ type: 'media', event: 'playing', detail: { muted: false, microphone: true } });
  });

  it('is quiet for the recorded muted preview', () => {
    expect(echoFromLocalPreview(fixture('19-solution.json'))).toEqual([]);
  });

  it('is quiet for remote media and for muted previews, and groups repeats per element', () => {
    const log = new LogBuilder().started();
    playing(log, 'video#remote', { muted: false }); // a received stream: no microphone flag
    playing(log, 'video#local', { muted: true, microphone: true });
    expect(echoFromLocalPreview(log.events)).toEqual([]);
    playing(log, 'audio#me', { muted: false, microphone: true });
    playing(log, 'audio#me', { muted: false, microphone: true });
    const [finding] = echoFromLocalPreview(log.events);
    expect(finding!.evidence).toEqual([3, 4]);
  });
});

describe('the doctor over lesson 19', () => {
  it('names every case of the starting files', () => {
    const ids = diagnose(fixture('19-files.json')).map((f) => f.id.split(':').slice(0, 2).join(':'));
    for (const id of [
      'ice-before-remote:2',
      'offer-no-m-line:3',
      'wrong-state:6',
      'turn-auth:7',
      'dc-message-too-big',
      'dc-queue-full',
      'peerjs:peer-unavailable',
      'deprecated:addStream',
      'deprecated:onaddstream',
      'deprecated:offerToReceiveAudio',
      'deprecated:offerToReceiveVideo',
      'deprecated:iceServers[].url',
      'echo:video#preview',
    ]) {
      expect(ids, id).toContain(id);
    }
  });

  it('finds nothing in the solution', () => {
    expect(diagnose(fixture('19-solution.json'))).toEqual([]);
  });
});
