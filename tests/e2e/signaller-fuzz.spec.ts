// The signaller under attack: for 40 seconds, thousands of hostile frames
// (invalid JSON, binary, oversized, unknown types, spoofed src, floods to
// absent peers), half-open sockets and connect/disconnect churn, some of it
// trying to take the honest peers' ids. Meanwhile a learner runs the PeerJS
// lesson's solution, twice: both honest peers must open, connect and exchange
// data. Afterwards the server is up, has counted what it dropped, and its
// memory is back near where it started.
import { test, expect, type APIRequestContext } from '@playwright/test';
import { fuzzSignaller } from './support/hostile-clients.ts';
import { readLessons } from './support/lessons.ts';
import { E2E_PORT } from './support/ports.ts';
import { Workspace } from './support/workspace.ts';

const FUZZ_MS = 40_000;
const lesson = readLessons().find((l) => l.folder === '05-signalling-with-peerjs');

async function metrics(request: APIRequestContext): Promise<Map<string, number>> {
  const text = await (await request.get('/metrics')).text();
  const samples = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const space = line.lastIndexOf(' ');
    samples.set(line.slice(0, space), Number(line.slice(space + 1)));
  }
  return samples;
}

const heap = (samples: Map<string, number>) => samples.get('nodejs_heap_size_used_bytes') ?? NaN;

test('the signaller keeps serving honest peers through a minute of hostile traffic', async ({ page, request }) => {
  test.setTimeout(120_000);
  expect(lesson, 'lesson 05 exists').toBeDefined();
  const before = await metrics(request);
  expect(heap(before)).toBeGreaterThan(0);

  const workspace = await Workspace.open(page, lesson!);
  await workspace.setFiles(lesson!.solution);
  // The honest peers' ids, as the lesson prints them, for the take-over attempts.
  let victims: string[] = [];
  const fuzz = fuzzSignaller(E2E_PORT, FUZZ_MS, () => victims);

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

  const health = await request.get('/healthz');
  expect(health.status()).toBe(200);
  const after = await metrics(request);
  const dropped = (reason: string) => after.get(`playground_signaller_messages_dropped_total{reason="${reason}"}`) ?? 0;
  console.log(`fuzz: ${tally.frames} frames over ${tally.sockets} sockets, ${tally.halfOpen} half-open; dropped ${JSON.stringify(
    Object.fromEntries(['binary', 'invalid-json', 'unknown-type', 'no-destination', 'rate-limit', 'queue-full'].map((r) => [r, dropped(r)])),
  )}`);

  for (const reason of ['binary', 'invalid-json', 'unknown-type', 'rate-limit', 'queue-full']) {
    expect(dropped(reason), `frames dropped as ${reason}`).toBeGreaterThan(0);
  }
  // Memory: queued messages expire within seconds of the attack ending, and the
  // heap comes back near its baseline (a leak per socket or frame would not).
  await expect
    .poll(async () => (await metrics(request)).get('playground_signaller_queued_messages'), { timeout: 15_000 })
    .toBe(0);
  const baseline = heap(before);
  await expect
    .poll(async () => heap(await metrics(request)) / baseline, { timeout: 30_000, intervals: [1_000], message: 'heap used after / before' })
    .toBeLessThan(1.5);
  expect((await metrics(request)).get('playground_peers_connected')).toBe(0);
});
