import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { coturnConfig, findOnPath, isCoturnError, startTurn, waitForStun } from '../../../signal-server/turn.ts';
import { turnListeningAddresses } from '../../../signal-server/turn-policy.ts';
import { freePort, memoryLogger } from './helpers.ts';

const installed = findOnPath('turnserver') !== null;

function processArgs(): string {
  return execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' });
}

describe('coturn config', () => {
  it('uses the REST secret scheme, no TLS/CLI, our own files, and listens where it is told', () => {
    const text = coturnConfig({ port: 4393, secret: 's3', addresses: ['127.0.0.1', '10.0.0.5'], dir: '/tmp/x' });
    for (const line of [
      'listening-port=4393',
      'listening-ip=127.0.0.1',
      'listening-ip=10.0.0.5',
      'use-auth-secret',
      'static-auth-secret=s3',
      'no-tls',
      'no-dtls',
      'no-cli',
      'pidfile=/tmp/x/turnserver.pid',
    ]) {
      expect(text.split('\n')).toContain(line);
    }
  });

  it('relays on the loopback alias only, to the alias only, over UDP only, within quotas', () => {
    const lines = coturnConfig({ port: 4393, secret: 's3', addresses: ['127.0.0.1', '10.0.0.5'], dir: '/tmp/x' }).split('\n');
    expect(lines.filter((line) => line.startsWith('relay-ip='))).toEqual(['relay-ip=127.0.0.2']);
    expect(lines.filter((line) => /-peer-ip=/.test(line))).toEqual([
      'denied-peer-ip=0.0.0.0-255.255.255.255',
      'denied-peer-ip=::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff',
      'allowed-peer-ip=127.0.0.2',
    ]);
    for (const line of ['no-tcp-relay', 'allow-loopback-peers', 'no-multicast-peers', 'user-quota=100', 'total-quota=400', 'max-allocate-lifetime=600', 'max-bps=1250000', 'min-port=61000', 'max-port=61499']) {
      expect(lines).toContain(line);
    }
  });

  it('listens where the site listens: loopback, one address, or every address on a wildcard', () => {
    const interfaces = {
      lo: [{ address: '127.0.0.1', family: 'IPv4', internal: true }],
      eth0: [
        { address: '192.0.2.2', family: 'IPv4', internal: false },
        { address: 'fd00::2', family: 'IPv6', internal: false },
        { address: 'fe80::1', family: 'IPv6', internal: false },
      ],
    } as unknown as Parameters<typeof turnListeningAddresses>[1];
    expect(turnListeningAddresses('127.0.0.1', interfaces)).toEqual(['127.0.0.1']);
    expect(turnListeningAddresses('localhost', interfaces)).toEqual(['127.0.0.1']);
    expect(turnListeningAddresses('::1', interfaces)).toEqual(['127.0.0.1', '::1']);
    expect(turnListeningAddresses('0.0.0.0', interfaces)).toEqual(['127.0.0.1', '192.0.2.2']);
    expect(turnListeningAddresses('::', interfaces)).toEqual(['127.0.0.1', '::1', '192.0.2.2', 'fd00::2']);
    expect(turnListeningAddresses('192.0.2.2', interfaces)).toEqual(['192.0.2.2']);
    expect(turnListeningAddresses('play.example.org', interfaces), 'a name is resolved by the caller').toBeNull();
  });

  it('shows coturn errors but not its banner or per-session 401s', () => {
    expect(isCoturnError('CONFIG ERROR: Empty cli-password')).toBe(true);
    expect(isCoturnError('Relay ports initialization done')).toBe(false);
    expect(isCoturnError('socket: Protocol not supported')).toBe(false);
    expect(isCoturnError('session 001: realm <x> user <1:p>: incoming packet message processed, error 401: Unauthorized')).toBe(false);
    expect(isCoturnError('ERROR: check_stun_auth: Cannot find credentials of user <1795493805:playground>')).toBe(false);
    expect(isCoturnError('ERROR: session 001000000000000002: TCP socket error: Connection reset by peer 127.0.0.1:47824')).toBe(false);
    expect(isCoturnError('ERROR: Cannot bind local socket to addr: Address already in use')).toBe(true);
    // Every browser asks for permissions for the other side's host candidates too: refusing them is routine.
    expect(isCoturnError('ERROR: A peer IP 127.0.0.1 denied in the range: ::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff')).toBe(false);
  });
});

describe('startTurn', () => {
  it('says once how to install coturn when it is missing', async () => {
    const log = memoryLogger();
    const turn = await startTurn({ port: 4393, secret: null, ttl: 3600 }, log, { command: null });
    expect([turn.status, turn.info]).toEqual(['missing', null]);
    expect(log.lines).toEqual(['coturn (turnserver) is not installed: STUN/TURN lessons need it — sudo apt-get install -y coturn']);
  });

  it.skipIf(!installed)('runs coturn answering STUN, keeps the secret off the command line, and stops it', async () => {
    const port = await freePort();
    const log = memoryLogger();
    const secret = `unit-${Math.random().toString(36).slice(2)}`;
    const turn = await startTurn({ port, secret, ttl: 600 }, log);
    const pid = turn.pid;
    try {
      expect(pid).toBeGreaterThan(0);
      expect(turn.status).toBe('running');
      expect(turn.info).toEqual({ port, secret, ttl: 600, addresses: ['127.0.0.1'] });
      expect(turn.addresses, 'loopback only, as the site (HOST 127.0.0.1 by default)').toEqual(['127.0.0.1']);
      expect(log.lines.at(-1)).toMatch(new RegExp(`^coturn: STUN/TURN on 127\\.0\\.0\\.1 port ${port} \\(ready in \\d+ ms\\)$`));
      expect(processArgs()).toContain('turnserver -c ');
      expect(processArgs()).not.toContain(secret);
      const configFile = /turnserver -c (\S+)/.exec(execFileSync('ps', ['-o', 'args=', '-p', String(pid)], { encoding: 'utf8' }))?.[1];
      expect(configFile, 'the config file (with the secret) is removed once coturn has read it').toBeDefined();
      expect(existsSync(configFile!)).toBe(false);

      // A second one on the same port is refused in one line, and the first keeps working.
      const second = memoryLogger();
      const clash = await startTurn({ port, secret: null, ttl: 600 }, second);
      expect(clash.status).toBe('failed');
      expect(second.lines).toEqual([expect.stringMatching(new RegExp(`^coturn not started: TURN_PORT ${port} is already in use`))]);
      expect(await waitForStun(port, Date.now() + 1000, () => false)).toBe(true);
    } finally {
      await turn.stop();
    }
    expect(turn.status).toBe('failed');
    expect(turn.info).toBeNull();
    expect(turn.pid).toBeNull();
    expect(() => process.kill(pid!, 0)).toThrow();
    expect(await waitForStun(port, Date.now() + 300, () => false)).toBe(false);
  });

  it.skipIf(!installed)('reports a coturn that exits at start, with its reason', async () => {
    const log = memoryLogger();
    // `false` stands in for a turnserver that dies at once.
    const turn = await startTurn({ port: await freePort(), secret: null, ttl: 600 }, log, { command: findOnPath('false') });
    expect(turn.status).toBe('failed');
    expect(log.lines).toEqual([expect.stringMatching(/^coturn not started: it exited \(exit code 1\): .*The rest keeps working without STUN\/TURN\.$/)]);
  });
});
