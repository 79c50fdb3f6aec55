import { describe, expect, it } from 'vitest';
import { notComparable, offerAnswerDiff, renegotiationDiff } from '../../../../site/src/inspector/sdp/diff.ts';
import { tokenize } from '../../../../site/src/inspector/sdp/tokenize.ts';
import { sharedSdp } from './fixtures.ts';

describe('offer ↔ answer diff', () => {
  it('reports directions, the DTLS role the answer chose and the extensions kept, per mid', () => {
    const offerText = sharedSdp('simulcast-1-pc1-offer');
    const answerText = sharedSdp('simulcast-2-pc2-answer');
    const diff = offerAnswerDiff(tokenize(offerText), tokenize(answerText));
    const setup = /^a=setup:(\w+)/m.exec(answerText)![1];
    expect(diff).toHaveLength(1);
    const [video] = diff;
    expect(video).toMatchObject({ mid: '0', kind: 'video', offerDirection: 'sendonly', answerDirection: 'recvonly', rejected: false, answerSetup: setup });
    expect(video!.dtls).toEqual(setup === 'active' ? { answerer: 'client', offerer: 'server' } : { answerer: 'server', offerer: 'client' });
    const answerUris = new Set([...answerText.matchAll(/^a=extmap:\S+ (\S+)/gm)].map((m) => m[1]));
    for (const ext of video!.extensions) expect(ext.kept).toBe(answerUris.has(ext.uri));
  });

  it('reports a rejected section (port 0)', () => {
    const offer = tokenize(sharedSdp('audio-video-1-pc1-offer'));
    const answer = tokenize(sharedSdp('audio-video-2-pc2-answer').replace(/^m=video \d+/m, 'm=video 0'));
    const diff = offerAnswerDiff(offer, answer);
    expect(diff.map((s) => s.rejected)).toEqual([false, true]);
    expect(diff[1]!.extensions.every((e) => !e.kept)).toBe(true);
    expect(diff[1]!.codecs.every((c) => !c.survived)).toBe(true);
  });
});

describe('whether two texts can be compared section by section', () => {
  it('takes real descriptions', () => {
    expect(notComparable(tokenize(sharedSdp('audio-video-1-pc1-offer')))).toBeNull();
    expect(notComparable(tokenize(sharedSdp('audio-video-2-pc2-answer')))).toBeNull();
  });

  it('says why garbage is not a description, instead of inventing DTLS roles for it', () => {
    expect(notComparable(tokenize('hello world\nv=0\nm=video foo'))).toBe('it does not start with v=0 (it starts with "hello world")');
    expect(notComparable(tokenize('v=0\ns=-\nm=video 9 UDP/TLS/RTP/SAVPF 96'))).toBe('it has no o= line');
    expect(notComparable(tokenize('v=0\no=- 1 2 IN IP4 127.0.0.1\nm=video foo'))).toBe('its m=video line has no port or protocol');
  });
});

describe('renegotiation diff', () => {
  it('sees an ICE restart: new ufrag and pwd, version raised', () => {
    const before = sharedSdp('ice-restart-1-pc1-offer');
    const after = sharedSdp('ice-restart-3-pc1-offer');
    const diff = renegotiationDiff(tokenize(before), tokenize(after));
    const version = (t: string) => /^o=\S+ \S+ (\d+)/m.exec(t)![1];
    expect(diff.versionBefore).toBe(version(before));
    expect(diff.versionAfter).toBe(version(after));
    expect(diff.versionRaised).toBe(BigInt(version(after)!) > BigInt(version(before)!));
    expect(diff.iceRestart).toBe(true);
    const restart = diff.changes.find((c) => c.what === 'ice-restart')!;
    expect(restart.after).toContain(/^a=ice-ufrag:(\S+)/m.exec(after)![1]);
  });

  it('sees an added section on renegotiation, and no ICE restart', () => {
    const diff = renegotiationDiff(tokenize(sharedSdp('renegotiation-1-pc1-offer')), tokenize(sharedSdp('renegotiation-3-pc1-offer')));
    expect(diff.changes.filter((c) => c.what === 'added').map((c) => c.kind)).toEqual(['video']);
    expect(diff.iceRestart).toBe(false);
    expect(diff.versionRaised).toBe(true);
    expect(diff.sessionIdBefore).toBe(diff.sessionIdAfter);
  });

  it('sees a direction change and a removed section', () => {
    const before = sharedSdp('audio-video-1-pc1-offer');
    const after = before.replace('a=sendrecv', 'a=recvonly').replace(/\r\nm=video[\s\S]*$/, '\r\n');
    const diff = renegotiationDiff(tokenize(before), tokenize(after));
    expect(diff.changes.map((c) => [c.what, c.before, c.after])).toEqual([
      ['removed', 'video', ''],
      ['direction', 'sendrecv', 'recvonly'],
    ]);
    expect(diff.versionRaised).toBe(false);
  });
});
