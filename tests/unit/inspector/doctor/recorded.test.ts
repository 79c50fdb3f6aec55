// The doctor over logs recorded from real Chromium (tests/fixtures/README.md): each mistake
// scenario gets its finding, the healthy scenarios none.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PlaygroundEvent } from '../../../../sandbox/log/events.ts';
import { diagnose } from '../../../../site/src/inspector/doctor/diagnose.ts';

const log = (name: string): PlaygroundEvent[] =>
  JSON.parse(readFileSync(new URL(`../../../fixtures/logs/${name}.json`, import.meta.url), 'utf8')) as PlaygroundEvent[];
const ids = (name: string) => diagnose(log(name)).map((f) => f.id.split(':')[0]);

describe('the doctor over recorded runs', () => {
  for (const name of ['audio-video', 'data-only', 'ice-restart', 'peerjs-data', 'relay', 'renegotiation', 'simulcast']) {
    it(`finds nothing in ${name}`, () => {
      expect(diagnose(log(name))).toEqual([]);
    });
  }

  it('mistake-candidate-before-remote', () => {
    expect(ids('mistake-candidate-before-remote')).toEqual(['ice-before-remote']);
  });

  it('mistake-no-m-line', () => {
    expect(ids('mistake-no-m-line')).toEqual(['offer-no-m-line']);
  });

  it('mistake-deprecated: each API once, with the line the runtime saw it on', () => {
    const findings = diagnose(log('mistake-deprecated'));
    expect(findings.map((f) => f.id).sort()).toEqual([
      'deprecated:iceServers[].url',
      'deprecated:offerToReceiveAudio',
      'deprecated:offerToReceiveVideo',
      'deprecated:onaddstream',
    ]);
    expect(findings.every((f) => f.severity === 'warning')).toBe(true);
    const onaddstream = findings.find((f) => f.id === 'deprecated:onaddstream')!;
    expect(onaddstream.location?.file).toBe('main.js');
    expect(onaddstream.fix).toMatch(/ontrack/);
    // The runtime's event and the recorded createOffer call are one finding with both as evidence.
    expect(findings.find((f) => f.id === 'deprecated:offerToReceiveAudio')!.evidence.length).toBe(2);
  });

  it('turn-401', () => {
    expect(ids('turn-401')).toEqual(['turn-auth']);
  });

  it('turn-unreachable: one warning for the connection, naming both URLs', () => {
    const findings = diagnose(log('turn-unreachable'));
    expect(findings.map((f) => f.id)).toEqual(['ice-server-unreachable:1']);
    expect(findings[0]!.severity).toBe('warning');
    expect(findings[0]!.explanation).toMatch(/stun:127\.0\.0\.1:3998, turn:127\.0\.0\.1:3998\?transport=udp/);
  });

  it('mistake-local-remote-mixup: the answer given to the wrong method is named first, before its consequences', () => {
    const findings = diagnose(log('mistake-local-remote-mixup'));
    expect(findings[0]).toMatchObject({ id: 'local-remote-mixup:1:22', severity: 'error', title: "pc 1: setLocalDescription was given pc 2's answer" });
    expect(findings[0]!.explanation).toMatch(/InvalidModificationError/);
    expect(findings[0]!.fix).toMatch(/setRemoteDescription/);
  });

  it('mistake-offer-before-local: the offer never applied locally is named first, and the refused answer says why', () => {
    const findings = diagnose(log('mistake-offer-before-local'));
    expect(findings.map((f) => f.id.split(':')[0])).toEqual(['never-set-local', 'wrong-state', 'ice-before-remote']);
    expect(findings[0]!.title).toBe('pc 1: its offer was sent, but never applied with setLocalDescription');
    expect(findings[1]!.explanation).toMatch(/never applied one/);
  });

  it('mistake-peerjs-send-before-open', () => {
    const findings = diagnose(log('mistake-peerjs-send-before-open'));
    expect(findings.map((f) => f.id)).toEqual(['peerjs:not-open-yet']);
    expect(findings[0]!.title).toMatch(/send\(\) before the connection was open/);
  });

  it('lists every finding\'s evidence in log order, pointing at events that exist', () => {
    for (const name of ['mistake-candidate-before-remote', 'mistake-no-m-line', 'mistake-deprecated', 'turn-401', 'turn-unreachable', 'mistake-local-remote-mixup', 'mistake-offer-before-local', 'mistake-peerjs-send-before-open']) {
      const events = log(name);
      const seqs = new Set(events.map((e) => e.seq));
      for (const finding of diagnose(events)) {
        expect(finding.evidence, `${name} ${finding.id}`).toEqual([...finding.evidence].sort((a, b) => a - b));
        for (const seq of finding.evidence) expect(seqs.has(seq), `${name} ${finding.id} #${seq}`).toBe(true);
      }
    }
  });
});
