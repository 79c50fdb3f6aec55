import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { existsSync } from 'node:fs';
import { coturnConfig, findOnPath, isCoturnError, startTurn, waitForStun } from '../../../signal-server/turn.ts';
import { memoryLogger } from './helpers.ts';

const installed = findOnPath('turnserver') !== null;

/** A UDP port nothing holds right now (coturn gets it next). */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const socket = createSocket('udp4');
    socket.bind(0, '127.0.0.1', () => {
      const { port } = socket.address();
      socket.close(() => resolve(port));
    });
  });
}

function processArgs(): string {
  return execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' });
}

describe('coturn config', () => {
  it('uses the REST secret scheme, no TLS/CLI, loopback peers and our own files', () => {
    const text = coturnConfig({ port: 4393, secret: 's3', addresses: ['127.0.0.1', '10.0.0.5'], dir: '/tmp/x' });
    for (const line of [
      'listening-port=4393',
      'listening-ip=127.0.0.1',
      'listening-ip=10.0.0.5',
      'relay-ip=10.0.0.5',
      'use-auth-secret',
      'static-auth-secret=s3',
      'no-tls',
      'no-dtls',
      'no-cli',
      'allow-loopback-peers',
      'pidfile=/tmp/x/turnserver.pid',
    ]) {
      expect(text.split('\n')).toContain(line);
    }
  });

  it('shows coturn errors but not its banner or per-session 401s', () => {
    expect(isCoturnError('CONFIG ERROR: Empty cli-password')).toBe(true);
    expect(isCoturnError('Relay ports initialization done')).toBe(false);
    expect(isCoturnError('socket: Protocol not supported')).toBe(false);
    expect(isCoturnError('session 001: realm <x> user <1:p>: incoming packet message processed, error 401: Unauthorized')).toBe(false);
    expect(isCoturnError('ERROR: check_stun_auth: Cannot find credentials of user <1795493805:playground>')).toBe(false);
    expect(isCoturnError('ERROR: session 001000000000000002: TCP socket error: Connection reset by peer 127.0.0.1:47824')).toBe(false);
    expect(isCoturnError('ERROR: Cannot bind local socket to addr: Address already in use')).toBe(true);
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
      expect(turn.info).toEqual({ port, secret, ttl: 600 });
      expect(log.lines.at(-1)).toMatch(new RegExp(`^coturn: STUN/TURN on 127\\.0\\.0\\.1.* port ${port} \\(ready in \\d+ ms\\)$`));
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
