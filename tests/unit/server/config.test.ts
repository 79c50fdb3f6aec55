import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../../signal-server/config.ts';

const error = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as Error).message;
  }
  throw new Error('expected a ConfigError');
};

describe('parseConfig', () => {
  it('defaults to 4321 with the sandbox on the next port, bound to loopback', () => {
    expect(parseConfig({})).toEqual({
      mode: 'site',
      host: '127.0.0.1',
      port: 4321,
      apiPort: 4321,
      sandboxPort: 4322,
      turn: { port: 3478, secret: null, ttl: 3600 },
      https: false,
      certDir: null,
      allowedOrigins: [],
      maxConnectionsPerClient: 1000,
    });
  });

  it('reads the per-client connection cap, 0 meaning none, and refuses anything but a whole number', () => {
    expect(parseConfig({ MAX_CONNECTIONS_PER_CLIENT: ' 250 ' }).maxConnectionsPerClient).toBe(250);
    expect(parseConfig({ MAX_CONNECTIONS_PER_CLIENT: '0' }).maxConnectionsPerClient).toBe(0);
    for (const bad of ['-1', '1.5', 'lots', '99999999']) {
      expect(error(() => parseConfig({ MAX_CONNECTIONS_PER_CLIENT: bad }))).toBe(
        `MAX_CONNECTIONS_PER_CLIENT must be a whole number of connections (0 = no cap), got "${bad}"`,
      );
    }
  });

  it('reads extra trusted origins, and refuses anything that is not an origin', () => {
    expect(parseConfig({ ALLOWED_ORIGINS: 'https://play.example.org, http://localhost:8080/' }).allowedOrigins).toEqual([
      'https://play.example.org',
      'http://localhost:8080',
    ]);
    for (const bad of ['play.example.org', 'https://x.example/path', 'ftp://x.example', '*']) {
      expect(() => parseConfig({ ALLOWED_ORIGINS: bad })).toThrow(/ALLOWED_ORIGINS must list origins/);
    }
  });

  it('derives the sandbox and api ports from PORT in dev mode', () => {
    expect(parseConfig({ PORT: '4500' }, [], 'api')).toMatchObject({ port: 4500, sandboxPort: 4501, apiPort: 4502 });
  });

  it('takes explicit ports, and ignores API_PORT outside dev mode', () => {
    const config = parseConfig({ PORT: '4500', SANDBOX_PORT: '4510', API_PORT: '4520' });
    expect(config).toMatchObject({ port: 4500, sandboxPort: 4510, apiPort: 4500 });
    expect(parseConfig({ PORT: '4500', API_PORT: '4520' }, [], 'api').apiPort).toBe(4520);
  });

  it('lets command-line flags override the environment, in both spellings', () => {
    expect(parseConfig({ PORT: '4500' }, ['--port', '4550', '--sandbox-port=4560', '--host', 'localhost'])).toMatchObject({
      port: 4550,
      sandboxPort: 4560,
      host: 'localhost',
    });
  });

  it('keeps port 0 (ephemeral) for the derived ports instead of using 1 and 2', () => {
    expect(parseConfig({ PORT: '0' })).toMatchObject({ port: 0, sandboxPort: 0 });
  });

  it('treats empty variables as unset', () => {
    expect(parseConfig({ PORT: '', SANDBOX_PORT: ' ' }).port).toBe(4321);
  });

  it('names the variable and the bad value', () => {
    expect(error(() => parseConfig({ PORT: 'abc' }))).toBe('PORT must be a port number from 0 to 65535, got "abc"');
    expect(error(() => parseConfig({ SANDBOX_PORT: '70000' }))).toContain('SANDBOX_PORT must be a port number');
    expect(error(() => parseConfig({ PORT: '-1' }))).toContain('PORT must be a port number');
    expect(error(() => parseConfig({ PORT: '43.5' }))).toContain('got "43.5"');
    expect(error(() => parseConfig({ API_PORT: 'x' }, [], 'api'))).toContain('API_PORT must be a port number');
  });

  it('refuses clashing ports and a PORT with no room for the derived ones', () => {
    expect(error(() => parseConfig({ PORT: '4500', SANDBOX_PORT: '4500' }))).toBe('SANDBOX_PORT (4500) must differ from PORT (4500)');
    expect(error(() => parseConfig({ PORT: '4500', API_PORT: '4501' }, [], 'api'))).toBe(
      'API_PORT (4501) must differ from SANDBOX_PORT (4501)',
    );
    expect(error(() => parseConfig({ PORT: '65535' }))).toContain('set SANDBOX_PORT');
  });

  it('refuses unknown flags, flags without values and odd hosts', () => {
    expect(error(() => parseConfig({}, ['--prot', '1']))).toContain('Unknown option "--prot"');
    expect(error(() => parseConfig({}, ['--port']))).toBe('Option --port needs a value, e.g. --port=4400');
    expect(error(() => parseConfig({ HOST: 'a b' }))).toContain('HOST must be a host name');
  });

  it('needs a real PORT in dev mode, where astro listens on it', () => {
    expect(error(() => parseConfig({ PORT: '0' }, [], 'api'))).toContain('PORT must be a real port in dev mode');
  });

  it('reads TURN_PORT, TURN_SECRET and TURN_TTL, and says what is wrong with them', () => {
    expect(parseConfig({ TURN_PORT: '4393', TURN_SECRET: 's3cret', TURN_TTL: '120' }).turn).toEqual({ port: 4393, secret: 's3cret', ttl: 120 });
    expect(error(() => parseConfig({ TURN_PORT: 'x' }))).toContain('TURN_PORT must be a port number');
    expect(error(() => parseConfig({ TURN_PORT: '0' }))).toContain('TURN_PORT must be a real port');
    expect(error(() => parseConfig({ TURN_TTL: '10' }))).toContain('TURN_TTL must be');
    expect(error(() => parseConfig({ TURN_TTL: '1h' }))).toContain('got "1h"');
    expect(error(() => parseConfig({ TURN_SECRET: 'a\nb' }))).toBe('TURN_SECRET must be one line');
  });

  it('turns on HTTPS with --https or HTTPS=1, listening on every address (IPv6 and IPv4) unless HOST says otherwise', () => {
    expect(parseConfig({}, ['--https'])).toMatchObject({ https: true, host: '::' });
    expect(parseConfig({ HTTPS: '1' })).toMatchObject({ https: true, host: '::' });
    expect(parseConfig({ HTTPS: 'true', HOST: '127.0.0.1' })).toMatchObject({ https: true, host: '127.0.0.1' });
    expect(parseConfig({ HTTPS: '0' })).toMatchObject({ https: false, host: '127.0.0.1' });
    expect(parseConfig({ HTTPS: '' }).https).toBe(false);
    expect(parseConfig({ HTTPS: '1', CERT_DIR: '/tmp/certs' }).certDir).toBe('/tmp/certs');
    expect(parseConfig({}, ['--https', '--port', '4500'])).toMatchObject({ https: true, port: 4500, sandboxPort: 4501 });
  });

  it('rejects a malformed HTTPS value, a value after --https, and HTTPS in dev mode', () => {
    expect(error(() => parseConfig({ HTTPS: 'maybe' }))).toBe('HTTPS must be 1 or 0 (true or false), got "maybe"');
    expect(error(() => parseConfig({}, ['--https=1']))).toContain('Unknown option "--https=1"');
    expect(error(() => parseConfig({}, ['--nope']))).toContain('--https');
    expect(error(() => parseConfig({ HTTPS: '1', PORT: '4500' }, [], 'api'))).toContain('HTTPS mode is for npm start');
  });
});
