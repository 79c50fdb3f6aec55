// The signaller under attack: for 40 seconds, thousands of hostile frames
// (invalid JSON, binary, oversized, unknown types, spoofed src, floods to
// absent peers), half-open sockets and connect/disconnect churn, some of it
// trying to take the honest peers' ids. Meanwhile a learner runs the PeerJS
// lesson's solution, twice: both honest peers must open, connect and exchange
// data. Afterwards the server is up, has counted what it dropped, and its
// heap after a full garbage collection is back near where it started.
//
// The attack goes to a server of its own (the same code, run with
// --expose-gc so its heap can be measured after a collection), not to the
// suite's shared one.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { test, expect, type APIRequestContext } from '@playwright/test';
import { fuzzSignaller } from './support/hostile-clients.ts';
import { readLessons } from './support/lessons.ts';
import { E2E_PORT } from './support/ports.ts';
import { Workspace } from './support/workspace.ts';

/** Beside the suite's ports (E2E_PORT..+2, and +4..+6 for the HTTPS spec). */
const PORT = E2E_PORT + 7;
const ORIGIN = `http://localhost:${PORT}`;

const FUZZ_MS = 40_000;
const lesson = readLessons().find((l) => l.folder === '05-signalling-with-peerjs');

interface MeasuredServer {
  heapUsed(): Promise<number>;
  stop(): Promise<void>;
}

async function startMeasuredServer(): Promise<MeasuredServer> {
  const script = fileURLToPath(new URL('./support/measured-server.ts', import.meta.url));
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, ['--expose-gc', script], {
    env: { ...process.env, PORT: String(PORT), SANDBOX_PORT: String(PORT + 1) },
  });
  child.stderr.on('data', (chunk: Buffer) => process.stderr.write(chunk));
  const lines = createInterface({ input: child.stdout });
  const waiting: ((line: string) => void)[] = [];
  lines.on('line', (line) => waiting.shift()?.(line));
  const nextLine = () => new Promise<string>((resolve) => waiting.push(resolve));
  await nextLine(); // {"ports": …}: listening
  return {
    async heapUsed() {
      const answer = nextLine();
      child.stdin.write('heap\n');
      return (JSON.parse(await answer) as { heapUsed: number }).heapUsed;
    },
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.stdin.end();
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}

async function metrics(request: APIRequestContext): Promise<Map<string, number>> {
  const text = await (await request.get(`${ORIGIN}/metrics`)).text();
  const samples = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const space = line.lastIndexOf(' ');
    samples.set(line.slice(0, space), Number(line.slice(space + 1)));
  }
  return samples;
}

test('the signaller keeps serving honest peers through a minute of hostile traffic', async ({ page, request }) => {
  test.setTimeout(150_000);
  expect(lesson, 'lesson 05 exists').toBeDefined();
  const server = await startMeasuredServer();
  try {
    const workspace = await Workspace.open(page, { path: ORIGIN + lesson!.path });
    await workspace.setFiles(lesson!.solution);
    // Baseline: the server after one honest run, so lazy first-use work is not counted as growth.
    await workspace.run();
    await workspace.expectAllPassed(20_000);
    await workspace.stop();
    const before = await server.heapUsed();

    // The honest peers' ids, as the lesson prints them, for the take-over attempts.
    let victims: string[] = [];
    const fuzz = fuzzSignaller(PORT, FUZZ_MS, () => victims);
    for (let round = 0; round < 2; round++) {
      await page.waitForTimeout(5_000); // let the attack get going first
      await workspace.run();
      await workspace.expectAllPassed(20_000);
      victims = [...(await workspace.consoleText()).matchAll(/registered with the signaller as (\S+)/g)].map((m) => m[1]!);
      expect(victims.length).toBeGreaterThanOrEqual(2);
      await page.waitForTimeout(3_000); // churn tries to take the ids while they are connected
      await workspace.expectAllPassed(1_000);
      await workspace.stop();
    }

    const tally = await fuzz;
    expect(tally.frames).toBeGreaterThan(5_000);
    expect(tally.sockets).toBeGreaterThan(200);

    expect((await request.get(`${ORIGIN}/healthz`)).status()).toBe(200);
    const after = await metrics(request);
    const dropped = (reason: string) => after.get(`playground_signaller_messages_dropped_total{reason="${reason}"}`) ?? 0;
    console.log(`fuzz: ${tally.frames} frames over ${tally.sockets} sockets, ${tally.halfOpen} half-open; dropped ${JSON.stringify(
      Object.fromEntries(['binary', 'invalid-json', 'unknown-type', 'no-destination', 'rate-limit', 'queue-full'].map((r) => [r, dropped(r)])),
    )}`);
    for (const reason of ['binary', 'invalid-json', 'unknown-type', 'rate-limit', 'queue-full']) {
      expect(dropped(reason), `frames dropped as ${reason}`).toBeGreaterThan(0);
    }

    // Queued messages expire within seconds of the attack ending, every socket
    // is gone, and the heap after a full collection is back near its baseline
    // (a leak per socket or frame would hold megabytes after ~10,000 sockets).
    await expect.poll(async () => (await metrics(request)).get('playground_signaller_queued_messages'), { timeout: 15_000 }).toBe(0);
    await expect.poll(async () => (await metrics(request)).get('playground_peers_connected'), { timeout: 15_000 }).toBe(0);
    const heapAfter = await server.heapUsed();
    console.log(`fuzz: heap after a full GC ${(before / 2 ** 20).toFixed(1)} MB before, ${(heapAfter / 2 ** 20).toFixed(1)} MB after`);
    expect(heapAfter / before).toBeLessThan(1.2);
  } finally {
    await server.stop();
  }
});
