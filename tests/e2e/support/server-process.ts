/**
 * A server of a spec's own: the real server code (measured-server.ts) in a
 * child process on a port beside the suite's, so an attack does not disturb the
 * shared server and the child's memory can be read from outside: its heap after a
 * full collection (asked on stdin) and its resident set (/proc/<pid>/status).
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export interface ServerProcess {
  pid: number;
  /** e.g. http://localhost:6394 */
  origin: string;
  ports: { site: number; sandbox: number };
  /** The heap in bytes after a full garbage collection. */
  heapUsed(): Promise<number>;
  /** Resident memory in bytes (VmRSS), as the machine sees it. */
  rss(): number;
  stop(): Promise<void>;
}

export function rssOf(pid: number): number {
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match) throw new Error(`no VmRSS for process ${pid}`);
  return Number(match[1]) * 1024;
}

/** Starts the server on `port` (its sandbox on any free port) with extra environment variables. */
export async function startServerProcess(port: number, env: Record<string, string> = {}): Promise<ServerProcess> {
  const script = fileURLToPath(new URL('./measured-server.ts', import.meta.url));
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, ['--expose-gc', script], {
    env: { ...process.env, PORT: String(port), SANDBOX_PORT: '0', ...env },
  });
  child.stderr.on('data', (chunk: Buffer) => process.stderr.write(chunk));
  const lines = createInterface({ input: child.stdout });
  const waiting: ((line: string) => void)[] = [];
  lines.on('line', (line) => waiting.shift()?.(line));
  const nextLine = () => new Promise<string>((resolve) => waiting.push(resolve));
  const exited = new Promise<string>((resolve) => child.once('exit', (code) => resolve(`the server exited (${code})`)));
  const first = await Promise.race([nextLine(), exited]);
  if (!first.startsWith('{')) throw new Error(first);
  const { ports } = JSON.parse(first) as { ports: { site: number; sandbox: number } };
  return {
    pid: child.pid!,
    origin: `http://localhost:${ports.site}`,
    ports,
    async heapUsed() {
      const answer = nextLine();
      child.stdin.write('heap\n');
      return (JSON.parse(await answer) as { heapUsed: number }).heapUsed;
    },
    rss: () => rssOf(child.pid!),
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.stdin.end();
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}

/** Samples `read` every `everyMs` until stopped; keeps the largest value. */
export function peakOf(read: () => number, everyMs = 100): { readonly peak: number; stop(): number } {
  let peak = read();
  const timer = setInterval(() => {
    try {
      peak = Math.max(peak, read());
    } catch {
      // the process is gone: the test's own checks will say so
    }
  }, everyMs);
  return {
    get peak() {
      return peak;
    },
    stop() {
      clearInterval(timer);
      return peak;
    },
  };
}

export const MiB = 2 ** 20;

/** The server's /metrics samples, by name with labels, e.g. `playground_rooms`. */
export async function metricsOf(origin: string): Promise<Map<string, number>> {
  const text = await (await fetch(`${origin}/metrics`)).text();
  const samples = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const space = line.lastIndexOf(' ');
    samples.set(line.slice(0, space), Number(line.slice(space + 1)));
  }
  return samples;
}
