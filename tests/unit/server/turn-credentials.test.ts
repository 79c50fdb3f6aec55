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
  const turn = { port: 3478, secret: 'secret', ttl: 3600 };

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

  it('use the host the browser used, loopback names as 127.0.0.1', () => {
    expect(iceHost('localhost')).toBe('127.0.0.1');
    expect(iceHost('127.0.0.1')).toBe('127.0.0.1');
    expect(iceHost('192.168.1.20')).toBe('192.168.1.20');
    expect(iceHost('Play.Example.org')).toBe('play.example.org');
    expect(iceHost('[::1]')).toBe('[::1]');
  });

  it('count the credentials they issue', () => {
    let info: typeof turn | null = turn;
    const source = createIceServerSource(() => info, () => 0);
    source.forHost('localhost');
    source.forHost('localhost');
    info = null;
    expect(source.forHost('localhost').iceServers).toEqual([]);
    expect(source.issued).toBe(2);
  });
});
