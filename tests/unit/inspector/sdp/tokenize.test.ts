import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../../site/src/inspector/sdp/tokenize.ts';
import { allSdpFixtures, sharedSdp } from './fixtures.ts';

describe('tokenize', () => {
  it('numbers lines from 1 and assigns sections and mids (real audio+video offer)', () => {
    const text = sharedSdp('audio-video-1-pc1-offer');
    const sdp = tokenize(text);
    const raw = text.split('\r\n').filter((l, i, all) => i < all.length - 1 || l !== '');
    expect(sdp.lines.map((l) => l.text)).toEqual(raw);
    expect(sdp.lines.map((l) => l.number)).toEqual(raw.map((_, i) => i + 1));
    expect(sdp.lineEnding).toBe('crlf');
    const firstM = raw.findIndex((l) => l.startsWith('m='));
    expect(sdp.session).toHaveLength(firstM);
    expect(sdp.lines[firstM - 1]?.section).toBe('session');
    expect(sdp.lines[firstM]?.section).toBe(0);
    expect(sdp.media.map((s) => s.kind)).toEqual(['audio', 'video']);
    for (const section of sdp.media) {
      const midLine = section.lines.find((l) => l.attribute === 'mid');
      expect(section.mid).toBe(midLine?.attributeValue);
      // Lines before a=mid in the section know the mid too.
      expect(section.lines[0]?.mid).toBe(section.mid);
      expect(section.lines.every((l) => l.section === section.index)).toBe(true);
    }
  });

  it('splits attributes into name and value, keeping colons in the value', () => {
    const sdp = tokenize('v=0\r\na=fingerprint:sha-256 AB:CD\r\na=rtcp-mux\r\n');
    expect(sdp.lines[1]).toMatchObject({ type: 'a', attribute: 'fingerprint', attributeValue: 'sha-256 AB:CD' });
    expect(sdp.lines[2]).toMatchObject({ attribute: 'rtcp-mux', attributeValue: null });
  });

  it('reads LF-only and mixed line endings the same way', () => {
    const crlf = sharedSdp('data-only-2-pc1-offer');
    const lf = crlf.replace(/\r\n/g, '\n');
    expect(tokenize(lf).lineEnding).toBe('lf');
    expect(tokenize(lf).lines.map((l) => l.text)).toEqual(tokenize(crlf).lines.map((l) => l.text));
    expect(tokenize('v=0\r\ns=-\nt=0 0').lineEnding).toBe('mixed');
  });

  it('keeps a truncated description and its last partial line', () => {
    const text = sharedSdp('audio-video-1-pc1-offer');
    const cut = text.slice(0, Math.floor(text.length / 2));
    const sdp = tokenize(cut);
    expect(sdp.lines.at(-1)?.text).toBe(cut.split('\r\n').at(-1));
    expect(sdp.media.length).toBeGreaterThanOrEqual(1);
  });

  it('never throws on empty input, random bytes or a 200 KB line', () => {
    expect(tokenize('').lines).toEqual([]);
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed);
    for (let round = 0; round < 50; round += 1) {
      const bytes = Array.from({ length: 2000 }, () => String.fromCharCode(random() % 65536)).join('');
      const sdp = tokenize(bytes);
      expect(sdp.lines.length).toBeGreaterThan(0);
    }
    const huge = `v=0\r\na=x-huge:${'A'.repeat(200 * 1024)}\r\nm=audio 9 RTP/AVP 0\r\n`;
    const sdp = tokenize(huge);
    expect(sdp.lines).toHaveLength(3);
    expect(sdp.lines[1]?.attributeValue).toHaveLength(200 * 1024);
    expect(tokenize(undefined as unknown as string).lines).toEqual([]);
  });

  it('keeps HTML and script in values as plain text', () => {
    const value = '<img src=x onerror=alert(1)><script>alert(2)</script>';
    const sdp = tokenize(`v=0\r\na=mid:${value}\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=mid:${value}\r\n`);
    expect(sdp.lines[1]?.attributeValue).toBe(value);
    expect(sdp.media[0]?.mid).toBe(value);
  });

  it('marks lines that are not <letter>=value with an empty type', () => {
    const sdp = tokenize('v=0\r\nhello\r\n\r\n==\r\n');
    expect(sdp.lines.map((l) => l.type)).toEqual(['v', '', '', '']);
  });

  it('reads every fixture without losing a line', () => {
    for (const { sdp: text } of allSdpFixtures()) {
      const count = text.split(/\r\n|\n/).length - (text.endsWith('\n') ? 1 : 0);
      expect(tokenize(text).lines).toHaveLength(count);
    }
  });
});
