/**
 * Real descriptions and logs recorded from Chromium: the shared ones in
 * tests/fixtures (tests/tools/capture-fixtures.ts) and a few of this suite's
 * own in ./fixtures (an audio+video pair that carries candidates, and
 * Chromium's own setRemoteDescription errors for munged descriptions).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { PlaygroundEvent } from '../../../../sandbox/log/events.ts';

const shared = fileURLToPath(new URL('../../../fixtures/', import.meta.url));
const own = fileURLToPath(new URL('./fixtures/', import.meta.url));

export function sharedSdp(name: string): string {
  return readFileSync(`${shared}sdp/${name}.sdp`, 'utf8');
}

/** Every .sdp fixture, shared and own, by file name. */
export function allSdpFixtures(): Array<{ name: string; sdp: string }> {
  const list = (dir: string) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.sdp'))
      .map((f) => ({ name: f, sdp: readFileSync(dir + f, 'utf8') }));
  return [...list(`${shared}sdp/`), ...list(own)];
}

export function ownSdp(name: string): string {
  return readFileSync(`${own}${name}.sdp`, 'utf8');
}

export function sharedLog(name: string): PlaygroundEvent[] {
  return JSON.parse(readFileSync(`${shared}logs/${name}.json`, 'utf8')) as PlaygroundEvent[];
}

export interface ChromiumErrorCase {
  name: string;
  /** The line the munge changed (1-based). */
  line: number;
  message: string;
  sdp: string;
}

export function chromiumErrors(): ChromiumErrorCase[] {
  return (JSON.parse(readFileSync(`${own}chromium-errors.json`, 'utf8')) as { cases: ChromiumErrorCase[] }).cases;
}
