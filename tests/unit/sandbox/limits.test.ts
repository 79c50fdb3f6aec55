import { describe, expect, it } from 'vitest';
import {
  HOST_CHARS_PER_SECOND,
  HOST_EVENTS_PER_RUN,
  HOST_EVENTS_PER_SECOND,
  HOST_MESSAGES_PER_SECOND,
  HOST_WINDOW_MESSAGES_PER_SECOND,
  MAX_LINE_CHARS,
  Meter,
  limitText,
  RUNTIME_EVENTS_PER_RUN,
  RUNTIME_EVENTS_PER_SECOND,
  truncateLine,
} from '../../../sandbox/limits.ts';
import { createFloodGuard } from '../../../sandbox/host/flood-guard.ts';

describe('truncateLine', () => {
  it('leaves a line that fits alone', () => {
    expect(truncateLine('x'.repeat(MAX_LINE_CHARS))).toBe('x'.repeat(MAX_LINE_CHARS));
  });
  it('cuts a 64 MiB line and says how much was left out', () => {
    const line = truncateLine('x'.repeat(64 * 1024 * 1024));
    expect(line).toBe(`${'x'.repeat(MAX_LINE_CHARS)}… (${64 * 1024 * 1024 - MAX_LINE_CHARS} more characters not shown)`);
  });
  it('never splits a surrogate pair', () => {
    const line = truncateLine(`${'a'.repeat(9)}😀tail`, 10);
    expect(line).toBe(`${'a'.repeat(9)}… (6 more characters not shown)`);
  });
});

describe('Meter', () => {
  it('says which limit an amount goes past, per second and per run', () => {
    let now = 0;
    const meter = new Meter(10, 25, () => now);
    expect(meter.add(10)).toBeNull();
    expect(meter.add(1)).toBe('second');
    now = 1000;
    expect(meter.add(10)).toBeNull();
    now = 2000;
    expect(meter.add(5)).toBe('run');
  });
});

describe('the host is more lenient than the runtime', () => {
  it('so an honest frame is never cut off by the page', () => {
    expect(HOST_EVENTS_PER_SECOND).toBeGreaterThanOrEqual(2 * RUNTIME_EVENTS_PER_SECOND);
    expect(HOST_EVENTS_PER_RUN).toBeGreaterThanOrEqual(2 * RUNTIME_EVENTS_PER_RUN);
  });
});

describe('createFloodGuard', () => {
  it(`cuts a frame off past ${HOST_MESSAGES_PER_SECOND} messages in a second`, () => {
    const guard = createFloodGuard(() => 0);
    for (let i = 0; i < HOST_MESSAGES_PER_SECOND; i++) expect(guard.message()).toBeNull();
    expect(guard.message()).toMatch(/more than 300 messages in one second, so the playground stopped it/);
  });
  it(`cuts a frame off past ${HOST_WINDOW_MESSAGES_PER_SECOND} messages in a second to the page's window, which the runtime posts only its hello to`, () => {
    let now = 0;
    const guard = createFloodGuard(() => now);
    // The runtime's hellos, twice a second until its port comes, for a minute.
    for (; now < 60_000; now += 500) expect(guard.windowMessage()).toBeNull();
    for (let i = 0; i < HOST_WINDOW_MESSAGES_PER_SECOND; i++) expect(guard.windowMessage()).toBeNull();
    expect(guard.windowMessage()).toMatch(/more than 20 messages in one second, so the playground stopped it/);
  });
  it('cuts a frame off past the events per second, and per run over many seconds', () => {
    let now = 0;
    const guard = createFloodGuard(() => now);
    expect(guard.events(HOST_EVENTS_PER_SECOND)).toBeNull();
    expect(guard.events(1)).toMatch(/more than 20,000 events in one second/);
    const later = createFloodGuard(() => now);
    let verdict: string | null = null;
    for (now = 0; verdict === null; now += 1000) verdict = later.events(HOST_EVENTS_PER_SECOND / 2);
    expect(verdict).toMatch(/more than 400,000 events in this run/);
  });
  it('cuts a frame off past the characters of text per second', () => {
    const guard = createFloodGuard(() => 0);
    expect(guard.chars(HOST_CHARS_PER_SECOND)).toBeNull();
    expect(guard.chars(1)).toMatch(/characters of text in one second/);
  });
});

describe('limitText', () => {
  it('cuts console lines and error texts, and leaves other events alone', () => {
    const long = 'y'.repeat(MAX_LINE_CHARS + 5);
    expect(limitText({ type: 'console', level: 'log', text: long })).toMatchObject({ text: expect.stringMatching(/… \(5 more characters not shown\)$/) });
    expect(limitText({ type: 'error', kind: 'uncaught', name: 'Error', message: long, stack: long })).toMatchObject({
      message: expect.stringMatching(/5 more characters/),
      stack: expect.stringMatching(/5 more characters/),
    });
    const report = { type: 'report' as const, name: 'n', value: long };
    expect(limitText(report)).toBe(report);
  });
});
