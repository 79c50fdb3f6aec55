import { describe, expect, it } from 'vitest';
import { componentName, decodePriority, encodePriority, pairPriority, relayTransport, typePreferenceName } from '../../../../site/src/inspector/ice/priority.ts';

describe('candidate priority (RFC 8445 §5.1.2.1)', () => {
  it('decodes the known values', () => {
    expect(decodePriority(2122260223)).toEqual({ priority: 2122260223, typePreference: 126, localPreference: 32542, component: 1 });
    expect(decodePriority(1677729535)?.typePreference).toBe(100);
    expect(decodePriority(41820159)?.typePreference).toBe(2);
    // An RTCP component: 256 - 254.
    expect(decodePriority(2122260222)?.component).toBe(2);
  });

  it('agrees with the RFC formula both ways', () => {
    for (const [type, local, component] of [[126, 65535, 1], [110, 0, 2], [100, 32542, 1], [0, 1, 256], [90, 12345, 1]] as const) {
      const p = encodePriority(type, local, component);
      expect(p).toBe(2 ** 24 * type + 2 ** 8 * local + (256 - component));
      expect(decodePriority(p)).toEqual({ priority: p, typePreference: type, localPreference: local, component });
    }
  });

  it('rejects what is not a 32-bit unsigned integer', () => {
    expect(decodePriority(-1)).toBeNull();
    expect(decodePriority(2 ** 32)).toBeNull();
    expect(decodePriority(1.5)).toBeNull();
    expect(decodePriority(Number.NaN)).toBeNull();
  });

  it('names the type preferences, libwebrtc\'s included', () => {
    expect(typePreferenceName(126)).toBe('host');
    expect(typePreferenceName(126, 'host')).toBe('host');
    expect(typePreferenceName(110, 'prflx')).toMatch(/peer reflexive/);
    expect(typePreferenceName(100, 'srflx')).toMatch(/server reflexive/);
    expect(typePreferenceName(90, 'host')).toMatch(/host over TCP/);
    expect(typePreferenceName(80)).toMatch(/prflx over TCP/);
    expect(typePreferenceName(2)).toMatch(/TURN over UDP/);
    expect(typePreferenceName(1)).toMatch(/TURN over TCP/);
    expect(typePreferenceName(0)).toMatch(/TLS/);
    // A relay is named by how it was reached, whatever number the browser chose.
    expect(typePreferenceName(3, 'relay', 'UDP')).toBe('relay (TURN over UDP)');
    expect(typePreferenceName(2, 'relay')).toBe('relay (TURN)');
    expect(typePreferenceName(57, 'host')).toBe('host (preference 57)');
    expect(typePreferenceName(57)).toBe('preference 57');
    expect(componentName(1)).toMatch(/RTP/);
    expect(componentName(2)).toBe('RTCP');
  });
});

describe('relay transport', () => {
  it('prefers the browser\'s relayProtocol, else reads the TURN URL', () => {
    expect(relayTransport('tcp', 'turn:x:3478')).toBe('TCP');
    expect(relayTransport(null, 'turn:127.0.0.1:3479?transport=udp')).toBe('UDP');
    expect(relayTransport(null, 'turn:127.0.0.1:3479?transport=tcp')).toBe('TCP');
    expect(relayTransport(null, 'turn:127.0.0.1')).toBe('UDP');
    expect(relayTransport(null, 'turns:turn.example:443?transport=tcp')).toBe('TLS');
    expect(relayTransport(null, 'stun:x')).toBeNull();
    expect(relayTransport(null, null)).toBeNull();
  });
});

describe('pair priority (RFC 8445 §6.1.2.3)', () => {
  it('is 2^32·min + 2·max + (G>D), exactly', () => {
    const g = 2122260223;
    const d = 1677729535;
    expect(pairPriority(g, d)).toBe(2n ** 32n * BigInt(d) + 2n * BigInt(g) + 1n);
    expect(pairPriority(d, g)).toBe(2n ** 32n * BigInt(d) + 2n * BigInt(g));
    expect(pairPriority(g, g)).toBe(2n ** 32n * BigInt(g) + 2n * BigInt(g));
  });

  it('matches what Chromium reported (rounded to a double) for a host pair', () => {
    // From a real report: local and remote priority 2122265343, stats priority 9115060245863753000.
    expect(Number(pairPriority(2122265343, 2122265343))).toBe(9115060245863753000);
  });

  it('orders pairs the way both agents agree on: the controlling side\'s better candidate wins ties of min', () => {
    expect(pairPriority(200, 100) > pairPriority(100, 200)).toBe(true);
  });
});
