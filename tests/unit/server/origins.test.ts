import { describe, expect, it } from 'vitest';
import { sandboxOriginFor } from '../../../sandbox/protocol.ts';
import { frameConfigFor } from '../../../signal-server/frame-config.ts';
import { requestHostUrl, siteOriginForSandbox, trustedOrigins } from '../../../signal-server/origins.ts';

describe('siteOriginForSandbox', () => {
  it('undoes sandboxOriginFor for every kind of host', () => {
    for (const page of ['http://localhost:4321', 'http://127.0.0.1:4321', 'https://play.example.org:8443', 'http://[::1]:4321']) {
      const url = new URL(page);
      const sandbox = new URL(sandboxOriginFor(url, 4322));
      expect(sandbox.origin).not.toBe(url.origin);
      expect(siteOriginForSandbox(sandbox, Number(url.port))).toBe(url.origin);
    }
  });

  it('swaps the loopback names and keeps the protocol', () => {
    expect(siteOriginForSandbox({ protocol: 'http:', hostname: '127.0.0.1' }, 4321)).toBe('http://localhost:4321');
    expect(siteOriginForSandbox({ protocol: 'http:', hostname: 'localhost' }, 4321)).toBe('http://127.0.0.1:4321');
    // Written as a browser writes origins, since the runtime compares it with MessageEvent.origin.
    expect(siteOriginForSandbox({ protocol: 'https:', hostname: 'example.org' }, 443)).toBe('https://example.org');
  });
});

describe('requestHostUrl', () => {
  const socket = {};
  it('reads the Host header', () => {
    expect(requestHostUrl({ headers: { host: '127.0.0.1:4322' }, socket })?.origin).toBe('http://127.0.0.1:4322');
    expect(requestHostUrl({ headers: { host: '[::1]:4322' }, socket })?.hostname).toBe('[::1]');
    expect(requestHostUrl({ headers: { host: 'a.test:1' }, socket: { encrypted: true } })?.protocol).toBe('https:');
  });

  it('rejects a Host that is not a host', () => {
    for (const host of ['evil.test/path', 'user@evil.test', 'a b', 'x?y', '']) {
      expect(requestHostUrl({ headers: { host }, socket })).toBeNull();
    }
  });
});

describe('trustedOrigins', () => {
  it('allows the site and the sandbox under both loopback names, whichever Host a proxy sends', () => {
    const expected = ['http://localhost:4321', 'http://localhost:4322', 'http://127.0.0.1:4321', 'http://127.0.0.1:4322'];
    for (const hostname of ['localhost', '127.0.0.1']) {
      const origins = trustedOrigins({ protocol: 'http:', hostname }, { site: 4321, sandbox: 4322 });
      expect([...origins].sort()).toEqual([...expected].sort());
    }
  });

  it('allows only the same host on other host names', () => {
    const origins = trustedOrigins({ protocol: 'https:', hostname: 'play.example.org' }, { site: 443, sandbox: 8443 });
    expect([...origins].sort()).toEqual(['https://play.example.org', 'https://play.example.org:8443']);
  });
});

describe('frameConfigFor', () => {
  it('points the frame at the page that loads it and at the signaller on the site origin', () => {
    expect(frameConfigFor('abc', new URL('http://127.0.0.1:4322'), 4321)).toEqual({
      runId: 'abc',
      siteOrigin: 'http://localhost:4321',
      peerjs: { host: 'localhost', port: 4321, path: '/peerjs', secure: false, key: 'peerjs' },
      iceServers: [],
    });
  });

  it('uses a secure signaller when the site is https', () => {
    const config = frameConfigFor('abc', new URL('https://play.example.org:8443'), 443);
    expect(config.siteOrigin).toBe('https://play.example.org');
    expect(config.peerjs).toMatchObject({ host: 'play.example.org', port: 443, secure: true });
  });
});
