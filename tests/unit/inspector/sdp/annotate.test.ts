import { describe, expect, it } from 'vitest';
import { annotate } from '../../../../site/src/inspector/sdp/annotate.ts';
import { decodePriority } from '../../../../site/src/inspector/sdp/explain-dense.ts';
import { allSdpFixtures, ownSdp, sharedSdp } from './fixtures.ts';

const byText = (text: string, prefix: string) => {
  const a = annotate(text).lines.find((l) => l.line.text.startsWith(prefix));
  if (!a) throw new Error(`no line ${prefix}`);
  return a;
};
const fieldsOf = (a: ReturnType<typeof byText>) => Object.fromEntries(a.fields.map((f) => [f.name, f.value]));

describe('annotate', () => {
  it('explains every line of every real fixture, none unknown or malformed', () => {
    const fixtures = allSdpFixtures();
    expect(fixtures.length).toBeGreaterThan(10);
    for (const { name, sdp } of fixtures) {
      const annotated = annotate(sdp);
      for (const a of annotated.lines) {
        expect(a.summary.trim(), `${name} line ${a.line.number}`).not.toBe('');
        expect(a.status, `${name} line ${a.line.number}: ${a.line.text}`).toBe('ok');
      }
    }
  });

  it('explains every field of the dense lines', () => {
    const dense = ['a=candidate', 'a=rtpmap', 'a=fmtp', 'a=rtcp-fb', 'a=extmap:', 'a=ssrc:', 'a=ssrc-group', 'a=fingerprint', 'a=setup', 'a=rid', 'a=simulcast'];
    const seen = new Set<string>();
    for (const { sdp } of allSdpFixtures()) {
      for (const a of annotate(sdp).lines) {
        const kind = dense.find((d) => a.line.text.startsWith(d));
        if (!kind) continue;
        seen.add(kind);
        expect(a.fields.length, a.line.text).toBeGreaterThan(0);
        for (const f of a.fields) expect(f.meaning.trim(), `${a.line.text} ${f.name}`).not.toBe('');
      }
    }
    expect([...seen].sort()).toEqual([...dense].sort());
  });

  it('reads a candidate with the sdp package and decodes its priority', () => {
    const a = byText(ownSdp('av-offer'), 'a=candidate:');
    const [foundation, component, transport, priority, address, port, , type] = a.line.attributeValue?.split(' ') ?? [];
    expect(fieldsOf(a)).toMatchObject({ foundation, component, transport, priority, address, port, typ: type });
    const decoded = decodePriority(Number(priority));
    expect(a.fields.find((f) => f.name === 'priority')?.meaning).toContain(`type preference ${decoded.typePreference}`);
  });

  it('decodes candidate priorities by the RFC 8445 formula (known values)', () => {
    expect(decodePriority(2122260223)).toEqual({ typePreference: 126, localPreference: 32542, component: 1 });
    expect(decodePriority(1677729535).typePreference).toBe(100);
    expect(decodePriority(41820159).typePreference).toBe(2);
    const relay = byText(sharedSdp('relay-2-pc1-offer'), 'a=candidate:');
    expect(relay.summary).toContain('relay');
    expect(fieldsOf(relay)['raddr']).toBe('0.0.0.0');
  });

  it('explains mDNS host names', () => {
    const a = byText(sharedSdp('data-only-2-pc1-offer'), 'a=candidate:');
    expect(a.fields.find((f) => f.name === 'address')?.meaning).toMatch(/mDNS/);
  });

  it('explains rtx, rid and simulcast lines', () => {
    const av = sharedSdp('audio-video-1-pc1-offer');
    const rtx = annotate(av).lines.find((l) => /^a=fmtp:\d+ apt=\d+$/.test(l.line.text));
    const apt = rtx?.line.text.split('apt=')[1];
    expect(rtx?.summary).toContain(`payload type ${apt}`);
    expect(rtx?.rfc).toContain('4588');
    const simulcast = byText(sharedSdp('simulcast-1-pc1-offer'), 'a=simulcast:');
    expect(simulcast.rfc).toContain('8853');
    expect(simulcast.fields.filter((f) => f.name === 'layer').map((f) => f.value)).toEqual(['q', 'h', 'f']);
    expect(byText(sharedSdp('simulcast-1-pc1-offer'), 'a=rid:').rfc).toContain('8851');
    expect(byText('a=simulcast:send q;~h', 'a=simulcast').fields.find((f) => f.value === '~h')?.meaning).toMatch(/Paused/);
  });

  it('flags unknown and malformed lines, and keeps explaining the rest', () => {
    const text = [
      'v=1',
      'o=- 1 2 IN IP4',
      'x=whatever',
      'a=x-made-up:1',
      'a=rtpmap:abc opus/48000/2',
      'a=candidate:1 1 udp x',
      'a=setup:bogus',
      'a=fingerprint:sha-256 ZZ',
      'not an sdp line',
      '',
      'a=rtcp-mux',
      'a=rtpmap',
      'a=ice-ufrag:a',
      'a=fmtp:',
      'a=ssrc:abc cname:x',
      'a=extmap:abc urn:x',
      'm=video',
    ].join('\r\n');
    const lines = annotate(`${text}\r\n`).lines;
    const status = lines.map((a) => a.status);
    expect(status).toEqual([
      'malformed', 'malformed', 'unknown', 'unknown', 'malformed', 'malformed', 'malformed', 'malformed', 'malformed', 'malformed',
      'ok', 'malformed', 'malformed', 'malformed', 'malformed', 'malformed', 'malformed',
    ]);
    expect(lines[3]?.summary).toMatch(/not a line WebRTC uses/);
    expect(lines[4]?.summary).toMatch(/^Malformed: expected a=rtpmap:<payload type>/);
    for (const a of lines) expect(a.summary).not.toBe('');
  });

  it('never throws and explains every line of truncated input, random bytes and a 200 KB line', () => {
    const av = sharedSdp('audio-video-1-pc1-offer');
    for (let cut = 0; cut < av.length; cut += 97) {
      const annotated = annotate(av.slice(0, cut));
      for (const a of annotated.lines) expect(a.summary).not.toBe('');
    }
    let seed = 3;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed);
    const alphabet = 'a=:/ 0123456789candidtefmprxsu\r\n;~,.-';
    for (let round = 0; round < 200; round += 1) {
      const text = Array.from({ length: 400 }, () => alphabet[random() % alphabet.length]).join('');
      for (const a of annotate(text).lines) expect(a.summary).not.toBe('');
    }
    const huge = annotate(`v=0\r\na=candidate:${'1'.repeat(200 * 1024)}\r\n`);
    expect(huge.lines[1]?.status).toBe('malformed');
  });

  it('keeps HTML and script as text in explanations', () => {
    const value = '<script>alert(1)</script>';
    const a = annotate(`a=x-${value}\r\na=mid:${value}\r\n`).lines;
    expect(a[0]?.summary).toContain(value);
    expect(a[1]?.summary).toContain(value);
  });
});
