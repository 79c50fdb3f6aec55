import { describe, expect, it } from 'vitest';
import { codecIntersection, codecTable } from '../../../../site/src/inspector/sdp/codecs.ts';
import { linksOf, payloadTypeLines, rtxFor } from '../../../../site/src/inspector/sdp/links.ts';
import { tokenize } from '../../../../site/src/inspector/sdp/tokenize.ts';
import { sharedSdp } from './fixtures.ts';

const offer = tokenize(sharedSdp('audio-video-1-pc1-offer'));
const answer = tokenize(sharedSdp('audio-video-2-pc2-answer'));
const video = offer.media.find((s) => s.kind === 'video')!;
const lineOf = (text: string) => offer.lines.find((l) => l.text === text)!;

describe('cross-links', () => {
  it('links a payload type to its rtpmap, fmtp and rtcp-fb lines and to its rtx lines', () => {
    const vp8 = video.lines.find((l) => /^a=rtpmap:\d+ VP8\/90000$/.test(l.text))!;
    const pt = vp8.attributeValue!.split(' ')[0]!;
    const rtx = rtxFor(video, pt)!;
    expect(video.lines.some((l) => l.text === `a=fmtp:${rtx} apt=${pt}`)).toBe(true);
    const expected = video.lines
      .filter((l) => new RegExp(`^a=(rtpmap|fmtp|rtcp-fb):(${pt}|${rtx}) `).test(l.text))
      .map((l) => l.number)
      .sort((a, b) => a - b);
    expect([...payloadTypeLines(video, pt)].sort((a, b) => a - b)).toEqual(expected);
    // From the rtx's fmtp back to the codec it retransmits.
    const links = linksOf(offer, lineOf(`a=fmtp:${rtx} apt=${pt}`));
    expect(links.some((l) => l.label.startsWith('retransmits payload type') && l.lines.includes(vp8.number))).toBe(true);
    // The m= line links every payload type.
    expect(linksOf(offer, video.lines[0]!).map((l) => l.label.split(' ')[2])).toEqual(video.formats);
  });

  it('links a mid to the BUNDLE group and the group to each section', () => {
    const group = offer.session.find((l) => l.attribute === 'group')!;
    const midLine = video.lines.find((l) => l.attribute === 'mid')!;
    expect(linksOf(offer, midLine)).toEqual([{ label: 'BUNDLE group', lines: [group.number] }]);
    const groupLinks = linksOf(offer, group);
    expect(groupLinks.map((l) => l.label)).toEqual(offer.media.map((s) => `mid ${s.mid} (${s.kind})`));
    expect(groupLinks[1]?.lines).toContain(midLine.number);
  });

  it('links an ssrc to its ssrc lines, its FID group and the msid', () => {
    const fid = video.lines.find((l) => l.attribute === 'ssrc-group')!;
    const [, primary, repair] = fid.attributeValue!.split(' ');
    const links = linksOf(offer, fid);
    expect(links.map((l) => l.label)).toEqual([`ssrc ${primary}`, `ssrc ${repair}`]);
    const ssrcLines = video.lines.filter((l) => l.text.startsWith(`a=ssrc:${primary} `)).map((l) => l.number);
    for (const n of ssrcLines) expect(links[0]?.lines).toContain(n);
    expect(links[0]?.lines).toContain(fid.number);
    expect(links[0]?.lines).toContain(video.lines.find((l) => l.attribute === 'msid')!.number);
  });
});

describe('codec table and intersection', () => {
  it('lists the codecs of a section in m= order, rtx folded into its codec', () => {
    const rows = codecTable(video);
    const rtxPts = rows.map((r) => r.rtxPt).filter(Boolean);
    expect(rows.map((r) => r.pt)).toEqual(video.formats.filter((pt) => !rtxPts.includes(pt)));
    const vp8 = rows.find((r) => r.codec === 'VP8')!;
    expect(vp8).toMatchObject({ clockRate: 90000, channels: 1 });
    expect(vp8.feedback).toContain('nack pli');
    expect(vp8.rtxPt).not.toBeNull();
    const opus = codecTable(offer.media[0]!).find((r) => r.codec === 'opus')!;
    expect(opus.channels).toBe(2);
    expect(opus.fmtp).toContain('useinbandfec=1');
  });

  it('marks which offered codecs the answer kept', () => {
    for (const [i, offered] of offer.media.entries()) {
      const answered = answer.media[i]!;
      const kept = codecIntersection(offered, answered);
      const answerPts = new Set(answered.formats);
      for (const row of kept) expect(row.survived).toBe(answerPts.has(row.pt));
      expect(kept.some((r) => r.survived)).toBe(true);
    }
  });

  it('keeps nothing from a rejected section, and drops a codec the answer removed', () => {
    const audio = offer.media[0]!;
    const rejected = tokenize(sharedSdp('audio-video-2-pc2-answer').replace(/^m=audio \d+/m, 'm=audio 0')).media[0]!;
    expect(codecIntersection(audio, rejected).every((r) => !r.survived)).toBe(true);
    const opusPt = codecTable(audio).find((r) => r.codec === 'opus')!.pt;
    const answerText = sharedSdp('audio-video-2-pc2-answer').replace(new RegExp(`^(m=audio \\S+ \\S+)((?: \\d+)*)`, 'm'), (_, head: string, pts: string) =>
      head + pts.split(' ').filter((p) => p !== opusPt).join(' '));
    const munged = tokenize(answerText.replace(new RegExp(`^a=rtpmap:${opusPt} .*\\r\\n`, 'm'), '')).media[0]!;
    const rows = codecIntersection(audio, munged);
    expect(rows.find((r) => r.pt === opusPt)?.survived).toBe(false);
  });
});
