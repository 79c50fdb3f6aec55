/**
 * Records the inspector's fixtures from the real stack: the real server (built
 * site, sandbox origin, PeerJS signaller), a local coturn, and system Chromium
 * driven through the workspace exactly as a learner would (paste, Run, Stop).
 * The page's own FrameMessages are forwarded to Node, so each fixture is the
 * event log the workspace received, unchanged but for thinned getStats snapshots.
 *
 *   node tests/tools/capture-fixtures.ts              every scenario
 *   node tests/tools/capture-fixtures.ts relay simulcast   only these
 *
 * Writes tests/fixtures/logs/<scenario>.json (a JSON array of PlaygroundEvent,
 * one per line) and tests/fixtures/sdp/<scenario>-<n>-pc<k>-<offer|answer>.sdp.
 * Uses ports 5491/5492 (server) and 3479 (TURN), never the suite's.
 */
import { chromium, type BrowserContext } from '@playwright/test';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PlaygroundEvent } from '../../sandbox/log/events.ts';
import { CHROMIUM_ARGS, findChromium } from '../e2e/support/browser.ts';
import { FrameLogs } from '../e2e/support/frame-log.ts';
import { readLessons } from '../e2e/support/lessons.ts';
import { Workspace } from '../e2e/support/workspace.ts';
import { descriptionsIn, sdpFileName, thinStats } from './fixture-files.ts';
import { startServer, startTurn, type Started } from './processes.ts';
import { SCENARIOS, type Scenario, type TurnServer } from './scenarios.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURES = join(ROOT, 'tests/fixtures');
const PORT = 5491;
const SANDBOX_PORT = 5492;
const TURN_PORT = 3479;
const STATS_KEPT_PER_PC = 4;

const TURN: TurnServer = {
  url: `turn:127.0.0.1:${TURN_PORT}?transport=udp`,
  username: 'playground',
  credential: 'secret',
  // Nothing listens here: the "unreachable" TURN server.
  deadUrl: 'turn:127.0.0.1:3998?transport=udp',
};

interface Outcome {
  scenario: string;
  ok: boolean;
  note: string;
}

function write(path: string, text: string): void {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
}

/** One event per line: small diffs when a fixture is re-made, still plain JSON. */
function logJson(events: readonly PlaygroundEvent[]): string {
  return `[\n${events.map((event) => JSON.stringify(event)).join(',\n')}\n]\n`;
}

async function capture(context: BrowserContext, scenario: Scenario, logs: FrameLogs): Promise<Outcome> {
  const page = await context.newPage();
  try {
    const lesson = readLessons()[0];
    if (!lesson) throw new Error('no lesson in lessons/: the tool needs a lesson page for its workspace');
    const workspace = await Workspace.open(page, lesson);
    await workspace.setFiles(scenario.files(TURN));
    const created = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/runs' && r.request().method() === 'POST');
    await workspace.run();
    const { id } = (await (await created).json()) as { id: string };
    const log = () => logs.events(id);
    const said = (text: string) => log().some((e) => e.type === 'console' && e.text.trim() === text);

    const deadline = Date.now() + scenario.timeoutMs;
    while (!said('DONE') && Date.now() < deadline) await page.waitForTimeout(200);
    const finished = said('DONE');
    await workspace.stop();
    const stopDeadline = Date.now() + 3000;
    while (!log().some((e) => e.type === 'run' && e.status === 'stopped') && Date.now() < stopDeadline) await page.waitForTimeout(100);

    const events = thinStats(log(), STATS_KEPT_PER_PC);
    const failure = events.find((e) => e.type === 'console' && e.level === 'error' && e.text.startsWith('scenario failed'));
    if (!finished || failure) {
      const why = !finished ? `no DONE within ${scenario.timeoutMs} ms` : (failure as { text: string }).text;
      const tail = events.filter((e) => e.type === 'console' || e.type === 'error').slice(-8);
      return { scenario: scenario.name, ok: false, note: `${why}\n    last lines: ${JSON.stringify(tail)}` };
    }

    write(join(FIXTURES, 'logs', `${scenario.name}.json`), logJson(events));
    const sdpDir = join(FIXTURES, 'sdp');
    if (existsSync(sdpDir)) {
      for (const old of readdirSync(sdpDir)) if (old.startsWith(`${scenario.name}-`)) rmSync(join(sdpDir, old));
    }
    const descriptions = descriptionsIn(events);
    for (const d of descriptions) write(join(sdpDir, sdpFileName(scenario.name, d)), d.sdp);
    const stats = events.filter((e) => e.type === 'pc.stats').length;
    return { scenario: scenario.name, ok: true, note: `${events.length} events, ${descriptions.length} descriptions, ${stats} stats snapshots` };
  } finally {
    await page.close();
  }
}

async function main(): Promise<number> {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((name) => !SCENARIOS.some((s) => s.name === name));
  if (unknown.length) {
    console.error(`Unknown scenario(s): ${unknown.join(', ')}. Known: ${SCENARIOS.map((s) => s.name).join(', ')}`);
    return 2;
  }
  const scenarios = wanted.length ? SCENARIOS.filter((s) => wanted.includes(s.name)) : SCENARIOS;
  const browserChoice = findChromium({ env: process.env, exists: existsSync });
  if (!browserChoice.ok) {
    console.error(browserChoice.message);
    return 1;
  }

  const started: Started[] = [];
  const stopAll = async () => {
    for (const proc of started.reverse()) await proc.stop();
  };
  process.once('SIGINT', () => void stopAll().then(() => process.exit(130)));
  try {
    started.push(await startTurn({ port: TURN_PORT, username: TURN.username, credential: TURN.credential, realm: 'playground.local', minPort: 49400, maxPort: 49499 }));
    started.push(await startServer(ROOT, PORT, SANDBOX_PORT));
    const browser = await chromium.launch({ executablePath: browserChoice.path, args: CHROMIUM_ARGS });
    try {
      const context = await browser.newContext({
        baseURL: `http://localhost:${PORT}`,
        viewport: { width: 1400, height: 900 },
        permissions: ['clipboard-read', 'clipboard-write'],
      });
      // The frame posts its events to the lesson page; record them there, as the workspace receives them.
      const logs = await FrameLogs.record(context);

      const outcomes: Outcome[] = [];
      for (const scenario of scenarios) {
        const began = Date.now();
        const outcome = await capture(context, scenario, logs).catch(
          (error: unknown): Outcome => ({ scenario: scenario.name, ok: false, note: String(error instanceof Error ? error.message : error) }),
        );
        outcomes.push(outcome);
        console.log(`${outcome.ok ? 'ok  ' : 'FAIL'} ${scenario.name} (${((Date.now() - began) / 1000).toFixed(1)} s): ${outcome.note}`);
      }
      write(
        join(FIXTURES, 'capture-info.json'),
        `${JSON.stringify({ browser: browser.version(), scenarios: Object.fromEntries(SCENARIOS.map((s) => [s.name, s.about])) }, null, 2)}\n`,
      );
      return outcomes.every((o) => o.ok) ? 0 : 1;
    } finally {
      await browser.close();
    }
  } finally {
    await stopAll();
  }
}

process.exitCode = await main();
