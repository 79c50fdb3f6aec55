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
import { test, expect } from '@playwright/test';
import { fuzzSignaller } from './support/hostile-clients.ts';
import { readLessons } from './support/lessons.ts';
import { E2E_PORT } from './support/ports.ts';
import { metricsOf, startServerProcess } from './support/server-process.ts';
import { Workspace } from './support/workspace.ts';

/** Beside the suite's ports (E2E_PORT..+2, and +4..+6 for the HTTPS spec). */
const PORT = E2E_PORT + 7;
const ORIGIN = `http://localhost:${PORT}`;

const FUZZ_MS = 40_000;
const lesson = readLessons().find((l) => l.folder === '05-signalling-with-peerjs');

test('the signaller keeps serving honest peers through a minute of hostile traffic', async ({ page, request }) => {
  test.setTimeout(150_000);
  expect(lesson, 'lesson 05 exists').toBeDefined();
  const server = await startServerProcess(PORT, { SANDBOX_PORT: String(PORT + 1) });
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
    const after = await metricsOf(ORIGIN);
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
    await expect.poll(async () => (await metricsOf(ORIGIN)).get('playground_signaller_queued_messages'), { timeout: 15_000 }).toBe(0);
    await expect.poll(async () => (await metricsOf(ORIGIN)).get('playground_peers_connected'), { timeout: 15_000 }).toBe(0);
    const heapAfter = await server.heapUsed();
    console.log(`fuzz: heap after a full GC ${(before / 2 ** 20).toFixed(1)} MB before, ${(heapAfter / 2 ** 20).toFixed(1)} MB after`);
    expect(heapAfter / before).toBeLessThan(1.2);
  } finally {
    await server.stop();
  }
});
