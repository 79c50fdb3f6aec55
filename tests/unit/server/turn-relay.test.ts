// What a TURN credential lets its holder reach through our coturn, asked the
// way an attacker would ask: the real coturn as start.ts runs it, on loopback,
// with a real server beside it. A credential is easy to get (every page of ours
// gets one; a tool can forge the Origin header), so the relay itself must
// refuse everything but what two browsers need to reach each other.
// Nothing here is sent to a non-loopback address: for those the test only asks
// coturn for a permission, which coturn answers without sending anything there.
import { createSocket } from 'node:dgram';
import type { Socket } from 'node:net';
import { networkInterfaces } from 'node:os';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { credentialLabel } from '../../../signal-server/ice-servers.ts';
import { turnCredential } from '../../../signal-server/turn-credentials.ts';
import { RELAY_POLICY } from '../../../signal-server/turn-policy.ts';
import { findOnPath, INSTALL_HINT, startTurn, type TurnServer } from '../../../signal-server/turn.ts';
import { freePort, memoryLogger, startTestServer, type TestServer } from './helpers.ts';
import { TurnClient, type Address, type TurnCredentials } from './turn-client.ts';

const installed = findOnPath('turnserver') !== null;
if (!installed) console.warn(`coturn is not installed, so the TURN relay tests are skipped: ${INSTALL_HINT}`);

const SECRET = `relay-test-${Math.random().toString(36).slice(2)}`;

/** A fresh credential, as GET /api/ice-servers hands out: a username of its own. */
function credential(): TurnCredentials {
  const { username, credential: password } = turnCredential(SECRET, Date.now(), 600, credentialLabel());
  return { username, password };
}

/** Our coturn, started as start.ts starts it for the default HOST, and the clients a test opened on it. */
function useCoturn(): { server: () => Address; client: (transport?: 'udp' | 'tcp', credentials?: TurnCredentials) => Promise<TurnClient> } {
  let turn: TurnServer | undefined;
  let address: Address;
  const clients: TurnClient[] = [];
  beforeAll(async () => {
    const port = await freePort();
    turn = await startTurn({ port, secret: SECRET, ttl: 600 }, memoryLogger(), { host: '127.0.0.1' });
    expect(turn.status, 'coturn did not start').toBe('running');
    address = { ip: '127.0.0.1', port };
  }, 15_000);
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
  });
  afterAll(async () => {
    await turn?.stop();
  });
  return {
    server: () => address,
    async client(transport = 'udp', credentials = credential()) {
      const opened = await TurnClient.open(transport, address, credentials);
      clients.push(opened);
      return opened;
    },
  };
}

/** A loopback UDP echo service, counting what reaches it. */
async function echoServer(): Promise<{ address: Address; count: () => number; close: () => void }> {
  const socket = createSocket('udp4');
  let count = 0;
  socket.on('message', (message, from) => {
    count++;
    socket.send(message, from.port, from.address);
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', () => resolve()));
  return { address: { ip: '127.0.0.1', port: socket.address().port }, count: () => count, close: () => socket.close() };
}

/** This machine's own addresses other than loopback (asked about, never sent to). */
function ownAddresses(family: 'IPv4' | 'IPv6'): string[] {
  return Object.values(networkInterfaces())
    .flatMap((list) => list ?? [])
    .filter((entry) => !entry.internal && entry.family === family)
    .map((entry) => entry.address);
}

/** coturn's answer to a CreatePermission for each address. */
async function permissions(relay: TurnClient, targets: string[]): Promise<Record<string, number>> {
  const answers: Record<string, number> = {};
  for (const ip of targets) answers[ip] = (await relay.createPermission(ip)).status;
  return answers;
}

const each = (targets: string[], status: number) => Object.fromEntries(targets.map((ip) => [ip, status]));

describe.skipIf(!installed)('the TURN relay reaches other browsers only', () => {
  const { server, client } = useCoturn();
  let site: TestServer;
  beforeAll(async () => {
    site = await startTestServer();
  });
  afterAll(() => site.stop());

  it('refuses a permission for loopback, private, link-local, CGNAT, metadata and this machine’s own addresses, IPv6 too', async () => {
    const relay = await client();
    expect((await relay.allocate()).status).toBe(200);
    const v4 = [
      ...['127.0.0.1', '127.0.0.53', '10.0.0.1', '172.16.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1'],
      ...['0.0.0.1', '224.0.0.1', '255.255.255.255', '203.0.113.1'], // "this network", multicast, broadcast, a public address
      ...ownAddresses('IPv4'),
    ];
    const v6 = ['::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1', 'fd00::1', 'fe80::1', '64:ff9b::a00:1', '2002:a00:1::1', ...ownAddresses('IPv6')];
    // The relay address is IPv4, so coturn answers IPv6 peers with 443 (peer
    // address family mismatch) before it reads its lists, which deny IPv6 too.
    expect(await permissions(relay, [...v4, ...v6])).toEqual({ ...each(v4, 403), ...each(v6, 443) });
    expect((await (await client()).allocate({ family: 'ipv6' })).status, 'no IPv6 relay address').toBe(440);
  });

  it('does not carry data to a loopback service, by Send indication or by channel', async () => {
    const echo = await echoServer();
    try {
      const relay = await client();
      expect((await relay.allocate()).status).toBe(200);
      const permission = await relay.createPermission(echo.address.ip);
      relay.send(echo.address, Buffer.from('ping by Send indication'));
      const channel = await relay.channelBind(0x4000, echo.address);
      relay.sendChannelData(0x4000, Buffer.from('ping by ChannelData'));
      const answer = await relay.nextData(1500);
      expect({ permission: permission.status, channel: channel.status, reachedEcho: echo.count(), answer: answer?.data.toString() ?? null }).toEqual({
        permission: 403,
        channel: 403,
        reachedEcho: 0,
        answer: null,
      });
    } finally {
      echo.close();
    }
  });

  it('relays between two allocations, which is all two browsers need (one over TCP, as turn:?transport=tcp does)', async () => {
    const [a, b] = [await client(), await client('tcp')];
    const [relayA, relayB] = [await a.allocate(), await b.allocate()];
    expect([relayA.status, relayB.status]).toEqual([200, 200]);
    expect([relayA.relayed?.ip, relayB.relayed?.ip]).toEqual([RELAY_POLICY.relayIp, RELAY_POLICY.relayIp]);
    expect((await a.createPermission(relayB.relayed!.ip)).status).toBe(200);
    expect((await b.createPermission(relayA.relayed!.ip)).status).toBe(200);
    a.send(relayB.relayed!, Buffer.from('hello from a'));
    const got = await b.nextData(2000);
    expect(got?.data.toString()).toBe('hello from a');
    expect(got?.peer).toEqual(relayA.relayed);
  });

  it('has no TCP relay: Allocate for TCP is refused and the site’s /metrics cannot be fetched through it', async () => {
    const control = await client('tcp');
    const allocation = await control.allocate({ transport: 'tcp' });
    let fetched = `refused at Allocate: ${allocation.status} ${allocation.reason}`;
    if (allocation.status === 200) {
      // What an attacker does next (RFC 6062): Connect to the site's port, bind a data connection, speak HTTP.
      const peer = { ip: '127.0.0.1', port: site.ports.site };
      await control.createPermission(peer.ip);
      const connected = await control.connect(peer);
      fetched = `refused at Connect: ${connected.status} ${connected.reason}`;
      if (connected.connectionId) {
        const data = await control.connectionBind(server(), connected.connectionId);
        fetched = 'status' in data ? `refused at ConnectionBind: ${data.status}` : await statusLine(data, '/metrics');
      }
    }
    expect(fetched).not.toMatch(/^HTTP\/1\.1 200/);
    expect(allocation.status, allocation.reason).toBe(442);
  });

  it(`gives one credential at most ${RELAY_POLICY.userQuota} allocations at a time, and more once it releases some`, async () => {
    const shared = credential();
    const statuses: number[] = [];
    for (let i = 0; i < RELAY_POLICY.userQuota + 2; i++) statuses.push((await (await client('udp', shared)).allocate()).status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(RELAY_POLICY.userQuota);
    expect(statuses.slice(RELAY_POLICY.userQuota)).toEqual([486, 486]);
    // Another credential is not held back by this one.
    expect((await (await client()).allocate()).status).toBe(200);
  });
});

describe.skipIf(!installed)('the TURN relay in all', () => {
  const { client } = useCoturn();

  it(`holds at most ${RELAY_POLICY.totalQuota} allocations, whoever asks`, async () => {
    const statuses: number[] = [];
    for (let i = 0; i < RELAY_POLICY.totalQuota + 2; i++) statuses.push((await (await client()).allocate()).status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(RELAY_POLICY.totalQuota);
    expect(statuses.slice(RELAY_POLICY.totalQuota)).toEqual([486, 486]);
  }, 30_000);
});

/** Sends a GET over a relayed TCP connection: the response's status line, or why there is none (bounded). */
function statusLine(socket: Socket, path: string): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    const done = (why: string) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(text.split('\r\n')[0] || why);
    };
    const timer = setTimeout(() => done('no answer within 2 s'), 2000);
    socket.on('data', (chunk: Buffer) => {
      text += chunk.toString('latin1');
      if (text.includes('\r\n')) done('');
    });
    socket.on('close', () => done('closed without an answer'));
    socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
  });
}
