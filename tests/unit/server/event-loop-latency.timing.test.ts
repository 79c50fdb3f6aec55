/**
 * One learner's big script must not stall everyone else's signaller and rooms.
 * A real server process on loopback serves four different 1 MiB scripts at
 * once, first fetch (nothing cached), while /healthz is asked every 20 ms: the
 * slowest /healthz answer is the stall every other user of the server felt.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { CreateRunResponse } from '../../../sandbox/protocol.ts';
import { http, postJson } from './helpers.ts';

const fixture = fileURLToPath(new URL('./fixtures/serve.ts', import.meta.url));
const MIB = 1024 * 1024;
/** What the other users may wait for /healthz while the scripts are guarded. */
const HEALTHZ_BUDGET_MS = 100;

/** A script of about 1 MiB that is nothing but loops: the transform's worst case. `seed` keeps each one distinct. */
function loopScript(seed: number): string {
  const line = (i: number) => `for (let i${i} = 0; i${i} < ${seed}; i${i}++) { while (false) { total += i${i}; } }\n`;
  const lines: string[] = [`// script ${seed}\nlet total = 0;\n`];
  let size = lines[0]!.length;
  for (let i = 0; size < MIB - 200; i++) {
    lines.push(line(i));
    size += lines.at(-1)!.length;
  }
  return lines.join('');
}

function startServerProcess(): Promise<{ child: ChildProcess; site: number; sandbox: number }> {
  const { PORT: _p, SANDBOX_PORT: _s, API_PORT: _a, HOST: _h, ...rest } = process.env;
  const child = spawn(process.execPath, [fixture], { env: { ...rest, PORT: '0', SANDBOX_PORT: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
  const killer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  child.on('exit', () => clearTimeout(killer));
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) {
        const ports = JSON.parse(line) as { site: number; sandbox: number };
        resolve({ child, site: ports.site, sandbox: ports.sandbox });
      }
    });
    child.on('exit', (code) => reject(new Error(`the server exited (${code}) before listening: ${out}`)));
  });
}

describe('the event loop while big scripts are served', () => {
  let server: { child: ChildProcess; site: number; sandbox: number };
  beforeAll(async () => {
    server = await startServerProcess();
  });
  afterAll(() => {
    server.child.kill('SIGTERM');
  });

  it(`answers /healthz within ${HEALTHZ_BUDGET_MS} ms while four 1 MiB scripts are guarded for the first time`, async () => {
    // Two runs of two 1 MiB scripts each (a run holds at most 2 MiB).
    const paths: string[] = [];
    for (const seeds of [[1, 2], [3, 4]]) {
      const files: Record<string, string> = { 'index.html': '<!doctype html><title>big</title>' };
      for (const seed of seeds) files[`big${seed}.js`] = loopScript(seed);
      const created = await postJson(server.site, '/api/runs', { files });
      expect(created.status, created.body).toBe(201);
      const { path } = JSON.parse(created.body) as CreateRunResponse;
      for (const seed of seeds) paths.push(`${path}big${seed}.js`);
    }
    // Warm up: the first request to a fresh process pays for loading modules.
    expect((await http(server.site, '/healthz')).status).toBe(200);

    let serving = true;
    const healthTimes: number[] = [];
    const probe = (async () => {
      while (serving) {
        const started = performance.now();
        const res = await http(server.site, '/healthz');
        expect(res.status).toBe(200);
        healthTimes.push(performance.now() - started);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    const started = performance.now();
    const scripts = await Promise.all(paths.map((path) => http(server.sandbox, path)));
    const servedMs = performance.now() - started;
    serving = false;
    await probe;

    for (const script of scripts) {
      expect(script.status).toBe(200);
      expect(script.body, 'the loops were guarded').toContain('__playgroundLoop');
    }
    const worst = Math.max(...healthTimes);
    console.log(`four 1 MiB scripts served in ${Math.round(servedMs)} ms; /healthz worst ${Math.round(worst)} ms over ${healthTimes.length} requests`);
    expect(healthTimes.length).toBeGreaterThan(3);
    expect(worst).toBeLessThan(HEALTHZ_BUDGET_MS);
  }, 60_000);
});
