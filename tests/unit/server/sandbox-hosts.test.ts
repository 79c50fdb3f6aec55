/**
 * Where the frame goes when the page was opened at one of this machine's
 * network addresses (HTTPS mode, a phone on the LAN): to the partner address,
 * another site, so the frame gets its own renderer process; where there is
 * none, to the page's own host name, and the page says what that costs.
 */
import { describe, expect, it } from 'vitest';
import type { NetworkInterfaceInfo } from 'node:os';
import { sameSiteWarning, sandboxOriginFor } from '../../../sandbox/protocol.ts';
import { siteOriginForSandbox, trustedOrigins } from '../../../signal-server/origins.ts';
import { sandboxHostPairs } from '../../../signal-server/sandbox-hosts.ts';

function address(address: string, family: 'IPv4' | 'IPv6', internal = false): NetworkInterfaceInfo {
  const common = { address, netmask: '', mac: '00:00:00:00:00:00', internal, cidr: null };
  return family === 'IPv4' ? { ...common, family } : { ...common, family, scopeid: 0 };
}

const machine = {
  lo: [address('127.0.0.1', 'IPv4', true), address('::1', 'IPv6', true)],
  wlan0: [address('192.168.1.5', 'IPv4'), address('fe80::1', 'IPv6'), address('FD00::5', 'IPv6')],
  // IPv4 only: nothing to pair it with on its own network.
  docker0: [address('172.17.0.1', 'IPv4')],
};

describe('sandboxHostPairs', () => {
  it('pairs each interface’s IPv4 address with its IPv6 one (not link-local), both ways', () => {
    expect(sandboxHostPairs(machine, true)).toEqual({ '192.168.1.5': '[fd00::5]', '[fd00::5]': '192.168.1.5' });
  });

  it('pairs nothing when the server cannot be reached over IPv6 (bound to 0.0.0.0)', () => {
    expect(sandboxHostPairs(machine, false)).toEqual({});
  });
});

describe('the frame’s origin for a page on the LAN', () => {
  const pairs = sandboxHostPairs(machine, true);

  it('is another site for a paired address, and the server works the page back out of it', () => {
    for (const page of ['https://192.168.1.5:4321', 'https://[fd00::5]:4321', 'https://localhost:4321', 'https://127.0.0.1:4321']) {
      const url = new URL(page);
      const sandbox = new URL(sandboxOriginFor(url, 4322, pairs));
      expect(sandbox.hostname, page).not.toBe(url.hostname);
      expect(sameSiteWarning(url.hostname, sandbox.origin), page).toBeNull();
      expect(siteOriginForSandbox(sandbox, 4321, pairs), page).toBe(url.origin);
    }
    expect(sandboxOriginFor(new URL('https://192.168.1.5:4321'), 4322, pairs)).toBe('https://[fd00::5]:4322');
  });

  it('stays on the page’s site where no partner exists, and the page is told what that costs', () => {
    for (const page of ['https://172.17.0.1:4321', 'https://laptop.local:4321', 'https://[::1]:4321']) {
      const url = new URL(page);
      const sandbox = sandboxOriginFor(url, 4322, pairs);
      expect(new URL(sandbox).hostname).toBe(url.hostname);
      expect(sameSiteWarning(url.hostname, sandbox)).toMatch(/same site as this page[\s\S]*freezes this page/);
    }
  });

  it('lets the frame at the partner address use the signaller and rooms', () => {
    const origins = trustedOrigins({ protocol: 'https:', hostname: '192.168.1.5' }, { site: 4321, sandbox: 4322, sandboxHosts: pairs });
    expect(origins.has('https://[fd00::5]:4322')).toBe(true);
    expect(origins.has('https://192.168.1.5:4321')).toBe(true);
  });
});

describe('CSP for a frame at an IPv6 address', () => {
  it('writes the scheme where CSP has no form for an IPv6 literal (Chromium would drop the source and block the frame)', async () => {
    const { runCsp, cspSource } = await import('../../../signal-server/csp.ts');
    const { sitePolicy } = await import('../../../signal-server/site-csp.ts');
    expect(sitePolicy({ scriptHashes: [], sandboxOrigin: 'https://[fd00::5]:4322' })).toContain('frame-src https:;');
    const run = runCsp({ site: 'https://192.168.1.5:4321', sandbox: 'https://[fd00::5]:4322' });
    expect(run).toContain("connect-src 'self' wss: https://192.168.1.5:4321 wss://192.168.1.5:4321 data: blob:");
    expect(run).not.toContain('[');
    expect(runCsp({ site: 'https://[fd00::5]:4321', sandbox: 'https://192.168.1.5:4322' })).toContain('frame-ancestors https:');
    expect(cspSource('http://localhost:4321')).toBe('http://localhost:4321');
  });
});

describe('a run frame at the partner address', () => {
  it('is told its page’s origin, and TURN on the IPv4 address where coturn listens', async () => {
    const { createServer } = await import('node:http');
    const { createRunStore } = await import('../../../signal-server/runs.ts');
    const { createSandboxApp } = await import('../../../signal-server/sandbox-app.ts');
    const { createIceServerSource } = await import('../../../signal-server/ice-servers.ts');
    const { createLoopGuardService } = await import('../../../signal-server/loop-guard-service.ts');
    const { http, memoryLogger } = await import('./helpers.ts');
    const runs = createRunStore();
    const run = runs.create(new Map([['index.html', '<title>t</title>']]));
    const loopGuard = createLoopGuardService(memoryLogger());
    const app = createSandboxApp({
      runs,
      sandboxDist: '/nonexistent',
      sitePort: () => 4321,
      log: memoryLogger(),
      loopGuard,
      iceServers: createIceServerSource(() => ({ port: 3478, secret: 's', ttl: 3600, addresses: ['127.0.0.1', '192.168.1.5'] })),
      sandboxHosts: () => sandboxHostPairs(machine, true),
    });
    const server = createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const port = (server.address() as { port: number }).port;
      const page = await http(port, `/run/${run.id}/`, { host: `[fd00::5]:4322` });
      expect(page.status).toBe(200);
      expect(page.body).toContain('"siteOrigin":"http://192.168.1.5:4321"');
      expect(page.body).toContain('turn:192.168.1.5:3478');
      expect(page.headers['content-security-policy']).toContain('frame-ancestors http://192.168.1.5:4321');
    } finally {
      server.close();
      await loopGuard.close();
    }
  });
});
