import { describe, expect, it } from 'vitest';
import {
  arePartners,
  chooseShareOrigin,
  isLoopbackHost,
  newPairToken,
  pairInfo,
  pairOfPeerId,
  pairQuery,
  partnerUrl,
  peerIdFor,
  readPairParams,
  shareNote,
  withPair,
} from '../../../sandbox/pairing.ts';
import { playgroundApi } from '../../../sandbox/runtime/globals.ts';
import { pairFromSearch } from '../../../sandbox/runtime/config.ts';
import type { FrameConfig } from '../../../sandbox/protocol.ts';

const TOKEN = '0123456789abcdef0123';

describe('pair tokens and ids', () => {
  it('makes 20 hex digits from 10 random bytes', () => {
    expect(newPairToken((bytes) => bytes.fill(0xab))).toBe('ab'.repeat(10));
    const a = newPairToken();
    expect(a).toMatch(/^[0-9a-f]{20}$/);
    expect(newPairToken()).not.toBe(a);
  });

  it('derives both PeerJS ids from the token, so each side knows the other', () => {
    const a = pairInfo({ token: TOKEN, side: 'a' });
    const b = pairInfo({ token: TOKEN, side: 'b' });
    expect(a).toEqual({ token: TOKEN, side: 'a', myId: `pg-${TOKEN}-a`, otherId: `pg-${TOKEN}-b` });
    expect(b.myId).toBe(a.otherId);
    expect(b.otherId).toBe(a.myId);
    // PeerJS's own id rule: letters and digits, with single inner dashes or underscores.
    expect(a.myId).toMatch(/^[A-Za-z0-9]+(?:[ _-][A-Za-z0-9]+)*$/);
  });

  it('reads the pair back from an id, and knows partners', () => {
    expect(pairOfPeerId(peerIdFor(TOKEN, 'b'))).toEqual({ token: TOKEN, side: 'b' });
    expect(pairOfPeerId('3f2a-random-id')).toBeNull();
    expect(arePartners(peerIdFor(TOKEN, 'a'), peerIdFor(TOKEN, 'b'))).toBe(true);
    expect(arePartners(peerIdFor(TOKEN, 'a'), peerIdFor(TOKEN, 'a'))).toBe(false);
    expect(arePartners(peerIdFor(TOKEN, 'a'), peerIdFor('ffffffffffffffffffff', 'b'))).toBe(false);
    expect(arePartners('alice', 'bob')).toBe(false);
  });
});

describe('the pair in a URL', () => {
  it('reads a well-formed pair and refuses anything else', () => {
    expect(readPairParams(`?pair=${TOKEN}&side=b`)).toEqual({ token: TOKEN, side: 'b' });
    expect(readPairParams(`?${pairQuery({ token: TOKEN, side: 'a' })}`)).toEqual({ token: TOKEN, side: 'a' });
    expect(readPairParams('')).toBeNull();
    expect(readPairParams(`?pair=${TOKEN}`)).toBeNull();
    expect(readPairParams(`?pair=${TOKEN}&side=c`)).toBeNull();
    expect(readPairParams('?pair=short&side=a')).toBeNull();
    expect(readPairParams('?pair=<script>alert(1)</script>&side=a')).toBeNull();
  });

  it('sets the pair on a URL, keeping its other parameters and hash', () => {
    expect(withPair('http://localhost:4321/lessons/capstone/?x=1#steps', { token: TOKEN, side: 'a' })).toBe(
      `http://localhost:4321/lessons/capstone/?x=1&pair=${TOKEN}&side=a#steps`,
    );
    expect(withPair(`http://localhost:4321/l/?pair=${TOKEN}&side=b`, { token: TOKEN, side: 'a' })).toBe(
      `http://localhost:4321/l/?pair=${TOKEN}&side=a`,
    );
  });

  it("builds the other side's link, on the page's origin or another one", () => {
    const page = `http://localhost:4321/lessons/capstone/?pair=${TOKEN}&side=a#top`;
    expect(partnerUrl(page, { token: TOKEN, side: 'a' })).toBe(`http://localhost:4321/lessons/capstone/?pair=${TOKEN}&side=b`);
    expect(partnerUrl(page, { token: TOKEN, side: 'a' }, 'https://192.168.1.5:4321')).toBe(
      `https://192.168.1.5:4321/lessons/capstone/?pair=${TOKEN}&side=b`,
    );
    const fromB = `http://localhost:4321/lessons/capstone/?pair=${TOKEN}&side=b`;
    expect(partnerUrl(fromB, { token: TOKEN, side: 'b' })).toBe(`http://localhost:4321/lessons/capstone/?pair=${TOKEN}&side=a`);
  });
});

describe('the address a phone gets', () => {
  it('knows loopback names', () => {
    for (const host of ['localhost', '127.0.0.1', '127.1.2.3', '[::1]', '::1', 'app.localhost']) expect(isLoopbackHost(host)).toBe(true);
    for (const host of ['192.168.1.5', 'example.org', '[fd00::1]']) expect(isLoopbackHost(host)).toBe(false);
  });

  it('gives a page on localhost a LAN origin of the server, IPv4 first', () => {
    expect(chooseShareOrigin('https://localhost:4321', ['https://[fd00::5]:4321', 'https://192.168.1.5:4321'])).toEqual({
      origin: 'https://192.168.1.5:4321',
      reason: 'lan',
    });
    expect(chooseShareOrigin('https://127.0.0.1:4321', ['https://[fd00::5]:4321'])).toEqual({ origin: 'https://[fd00::5]:4321', reason: 'lan' });
  });

  it("keeps the page's own origin otherwise, and says why a phone may not manage", () => {
    expect(chooseShareOrigin('http://localhost:4321', [])).toEqual({ origin: 'http://localhost:4321', reason: 'loopback-only' });
    expect(chooseShareOrigin('http://localhost:4321', ['not a url', 'https://127.0.0.1:4321'])).toEqual({
      origin: 'http://localhost:4321',
      reason: 'loopback-only',
    });
    expect(chooseShareOrigin('https://192.168.1.5:4321', ['https://10.0.0.2:4321'])).toEqual({ origin: 'https://192.168.1.5:4321', reason: 'secure' });
    expect(chooseShareOrigin('http://192.168.1.5:4321')).toEqual({ origin: 'http://192.168.1.5:4321', reason: 'insecure' });
    expect(shareNote({ origin: 'http://localhost:4321', reason: 'loopback-only' })).toMatch(/npm start -- --https/);
    expect(shareNote({ origin: 'http://192.168.1.5:4321', reason: 'insecure' })).toMatch(/secure \(https\)/);
    expect(shareNote({ origin: 'https://192.168.1.5:4321', reason: 'lan' })).toContain('https://192.168.1.5:4321');
  });
});

describe('playground.pair in the frame', () => {
  const config = (pair: FrameConfig['pair']): FrameConfig => ({
    runId: 'r',
    siteOrigin: 'http://localhost:4321',
    peerjs: { host: 'localhost', port: 4321, path: '/peerjs', secure: false, key: 'peerjs' },
    iceServers: [],
    pair,
  });
  const recorder = { record: () => {}, flush: () => {}, post: () => {} };

  it('comes from the frame URL the host built, frozen', () => {
    const pair = pairFromSearch(`?pair=${TOKEN}&side=b`);
    expect(pair).toEqual(pairInfo({ token: TOKEN, side: 'b' }));
    const api = playgroundApi(config(pair), [], recorder);
    expect(api.pair).toEqual({ token: TOKEN, side: 'b', myId: `pg-${TOKEN}-b`, otherId: `pg-${TOKEN}-a` });
    expect(Object.isFrozen(api.pair)).toBe(true);
  });

  it('is null outside a pairing lesson', () => {
    expect(pairFromSearch('')).toBeNull();
    expect(playgroundApi(config(undefined), [], recorder).pair).toBeNull();
  });
});
