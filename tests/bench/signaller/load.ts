/**
 * Load for a PeerJS-protocol signaller: many clients that register and send
 * heartbeats as PeerJS does, and OFFER/CANDIDATE traffic between pairs of
 * them at a fixed rate, timed from send to arrival in this one process.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { WebSocket } from 'ws';

export interface ServerChild {
  port: number;
  path: string;
  child: ChildProcess;
  /** Resident memory of the server process, in MB (Linux /proc). */
  rssMb(): number;
  stop(): Promise<void>;
}

export async function startServerChild(script: string): Promise<ServerChild> {
  const file = fileURLToPath(new URL(script, import.meta.url));
  const child = spawn(process.execPath, [file], { stdio: ['ignore', 'pipe', 'inherit'] });
  const first = await new Promise<string>((resolve, reject) => {
    let text = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const newline = text.indexOf('\n');
      if (newline !== -1) resolve(text.slice(0, newline));
    });
    child.once('exit', (code) => reject(new Error(`${script} exited (${code}) before printing its port`)));
  });
  const { port, path } = JSON.parse(first) as { port: number; path: string };
  return {
    port,
    path,
    child,
    rssMb() {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
      return kb / 1024;
    },
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}

export interface Client {
  id: string;
  ws: WebSocket;
}

/** Opens `count` clients, `parallel` at a time; resolves with those the server answered OPEN. */
export async function connectClients(server: ServerChild, count: number, parallel = 200): Promise<{ open: Client[]; refused: number }> {
  const open: Client[] = [];
  let refused = 0;
  let next = 0;
  const one = (index: number) =>
    new Promise<void>((resolve) => {
      const id = `bench-${index}-${Math.random().toString(36).slice(2, 8)}`;
      const ws = new WebSocket(`ws://127.0.0.1:${server.port}${server.path}?key=peerjs&id=${id}&token=t${index}`);
      ws.on('error', () => {});
      let settled = false;
      const done = (ok: boolean) => {
        // A refusal comes as an ERROR message and then a close: count it once.
        if (settled) return;
        settled = true;
        ws.removeAllListeners('message');
        if (ok) open.push({ id, ws });
        else {
          refused++;
          ws.terminate();
        }
        resolve();
      };
      ws.on('message', (data) => {
        const type = (JSON.parse(String(data)) as { type?: string }).type;
        done(type === 'OPEN');
      });
      ws.once('close', () => done(false));
    });
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < count) await one(next++);
    }),
  );
  return { open, refused };
}

/** A HEARTBEAT from every client every 5 s, spread over the interval, as PeerJS clients send them. */
export function heartbeats(clients: readonly Client[]): () => void {
  const frame = JSON.stringify({ type: 'HEARTBEAT' });
  let index = 0;
  const perTick = Math.ceil(clients.length / 50);
  const timer = setInterval(() => {
    for (let i = 0; i < perTick; i++) {
      const client = clients[index++ % clients.length];
      if (client?.ws.readyState === WebSocket.OPEN) client.ws.send(frame);
    }
  }, 100);
  return () => clearInterval(timer);
}

const SDP = `v=0\r\no=- 4611731400430051336 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n${'a=candidate:1 1 udp 2122260223 192.168.1.20 50000 typ host generation 0\r\n'.repeat(30)}`;

export interface Latency {
  sent: number;
  received: number;
  p50: number;
  p99: number;
}

/**
 * Sends `rate` messages per second for `seconds` between random pairs of
 * clients (one OFFER to five CANDIDATEs) and times each one's arrival.
 */
export async function measureLatency(clients: readonly Client[], rate: number, seconds: number): Promise<Latency> {
  const sentAt = new Map<number, number>();
  const times: number[] = [];
  for (const client of clients) {
    client.ws.on('message', (data) => {
      const message = JSON.parse(String(data)) as { payload?: { seq?: number } };
      const seq = message.payload?.seq;
      const start = seq === undefined ? undefined : sentAt.get(seq);
      if (start === undefined) return;
      times.push(performance.now() - start);
      sentAt.delete(seq!);
    });
  }
  let seq = 0;
  const tickMs = 10;
  const perTick = (rate * tickMs) / 1000;
  const ticks = (seconds * 1000) / tickMs;
  const started = performance.now();
  for (let tick = 0; tick < ticks; tick++) {
    // Catch up to where the schedule says we should be: timers drift under load.
    const due = Math.floor((tick + 1) * perTick);
    while (seq < due) {
      const from = clients[Math.floor(Math.random() * clients.length)]!;
      const to = clients[Math.floor(Math.random() * clients.length)]!;
      const offer = seq % 6 === 0;
      const payload = offer
        ? { sdp: { type: 'offer', sdp: SDP }, type: 'data', connectionId: `dc_${seq}`, browser: 'bench', seq }
        : { candidate: { candidate: 'candidate:1 1 udp 2122260223 192.168.1.20 50000 typ host', sdpMid: '0', sdpMLineIndex: 0 }, type: 'data', connectionId: `dc_${seq}`, seq };
      sentAt.set(seq, performance.now());
      from.ws.send(JSON.stringify({ type: offer ? 'OFFER' : 'CANDIDATE', dst: to.id, payload }));
      seq++;
    }
    const wait = started + (tick + 1) * tickMs - performance.now();
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, wait)));
  }
  // Let the last messages arrive.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  for (const client of clients) client.ws.removeAllListeners('message');
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? NaN;
  return { sent: seq, received: times.length, p50: at(0.5), p99: at(0.99) };
}

export async function closeClients(clients: readonly Client[]): Promise<void> {
  for (const client of clients) client.ws.terminate();
  await new Promise((resolve) => setTimeout(resolve, 500));
}
