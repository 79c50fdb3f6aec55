import { describe, expect, it } from 'vitest';
import { lanOrigins } from '../../../signal-server/lan-origins.ts';

const ips = ['127.0.0.1', '::1', '192.168.1.5', 'fd00::5'];

describe('lanOrigins', () => {
  it('lists https origins on every network address in HTTPS mode on a network bind', () => {
    expect(lanOrigins({ https: true, host: '0.0.0.0' }, ips, 4321)).toEqual(['https://192.168.1.5:4321', 'https://[fd00::5]:4321']);
    expect(lanOrigins({ https: true, host: '::' }, ['10.0.0.2'], 4400)).toEqual(['https://10.0.0.2:4400']);
  });

  it('lists none over plain http or on a loopback bind: a phone could not use them', () => {
    expect(lanOrigins({ https: false, host: '0.0.0.0' }, ips, 4321)).toEqual([]);
    expect(lanOrigins({ https: true, host: '127.0.0.1' }, ips, 4321)).toEqual([]);
  });
});
