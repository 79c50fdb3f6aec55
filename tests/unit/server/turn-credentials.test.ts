import { describe, expect, it } from 'vitest';
import { createIceServerSource, iceHost, iceServersFor } from '../../../signal-server/ice-servers.ts';
import { generateTurnSecret, turnCredential, turnPassword } from '../../../signal-server/turn-credentials.ts';

describe('TURN REST credentials', () => {
  it('match vectors computed with openssl', () => {
    // echo -n "1700000000:playground" | openssl dgst -sha1 -hmac secret -binary | base64
    expect(turnPassword('secret', '1700000000:playground')).toBe('YxZICm4Eiomy7DW91NkdOrQ2kYc=');
    // echo -n "1700003600:playground" | openssl dgst -sha1 -hmac "correct horse" -binary | base64
    expect(turnPassword('correct horse', '1700003600:playground')).toBe('VVfhqH5Th1wIzyJh1ZiMkwfVEkQ=');
  });

  it('put the expiry (now + ttl, in seconds) before the label', () => {
    expect(turnCredential('correct horse', 1_700_000_000_900, 3600)).toEqual({
      username: '1700003600:playground',
      credential: 'VVfhqH5Th1wIzyJh1ZiMkwfVEkQ=',
    });
    expect(turnCredential('s', 0, 60, 'abc').username).toBe('60:abc');
    expect(() => turnCredential('s', 0, 60, 'a:b')).toThrow(/may not contain ':'/);
  });

  it('generates a different secret each time', () => {
    const a = generateTurnSecret();
    expect(a).toMatch(/^[\w-]{32}$/);
    expect(generateTurnSecret()).not.toBe(a);
  });
});

describe('ICE servers', () => {
  const turn = { port: 3478, secret: 'secret', ttl: 3600, addresses: ['127.0.0.1'] };

  it('are STUN and TURN over UDP and TCP on our coturn, with a credential', () => {
    expect(iceServersFor(turn, 'localhost', 1_699_996_400_000)).toEqual({
      iceServers: [
        { urls: ['stun:127.0.0.1:3478'] },
        {
          urls: ['turn:127.0.0.1:3478?transport=udp', 'turn:127.0.0.1:3478?transport=tcp'],
          username: '1700000000:playground',
          credential: 'YxZICm4Eiomy7DW91NkdOrQ2kYc=',
        },
      ],
      ttl: 3600,
    });
  });

  it('are empty without coturn', () => {
    expect(iceServersFor(null, 'localhost', 0)).toEqual({ iceServers: [], ttl: 0 });
  });

  it('name an address coturn listens on: loopback names as 127.0.0.1', () => {
    const loopback = ['127.0.0.1'];
    expect(iceHost('localhost', loopback)).toBe('127.0.0.1');
    expect(iceHost('app.localhost', loopback)).toBe('127.0.0.1');
    expect(iceHost('127.0.0.1', loopback)).toBe('127.0.0.1');
    // coturn is on loopback only: a LAN address or a name would not reach it.
    expect(iceHost('192.168.1.20', loopback)).toBe('127.0.0.1');
    expect(iceHost('Play.Example.org', loopback)).toBe('127.0.0.1');
    expect(iceHost('[::1]', loopback)).toBe('127.0.0.1');
    expect(iceHost('[::1]', ['127.0.0.1', '::1'])).toBe('[::1]');
  });

  it('keep the address or name another device used when coturn listens on the network', () => {
    const lan = ['127.0.0.1', '192.168.1.20'];
    expect(iceHost('192.168.1.20', lan)).toBe('192.168.1.20');
    expect(iceHost('Play.Example.org', lan)).toBe('play.example.org');
    expect(iceHost('localhost', lan)).toBe('127.0.0.1');
    expect(iceHost('10.9.9.9', lan), 'not an address coturn listens on').toBe('127.0.0.1');
    expect(iceHost('fd00::2', ['fd00::2'])).toBe('[fd00::2]');
  });

  it('count the credentials they issue, each with a username of its own', () => {
    let info: typeof turn | null = turn;
    const source = createIceServerSource(() => info, () => 0);
    const first = source.forHost('localhost').iceServers[1]?.username;
    const second = source.forHost('localhost').iceServers[1]?.username;
    expect(first).toMatch(/^\d+:playground-[\w-]{8}$/);
    expect(second).not.toBe(first);
    info = null;
    expect(source.forHost('localhost').iceServers).toEqual([]);
    expect(source.issued).toBe(2);
  });
});
