import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { atom } from 'nanostores';
import { createInspectorSource, type LiveLog } from '../../../../site/src/inspector/source.ts';
import { VIEWS } from '../../../../site/src/inspector/views.ts';
import type { PlaygroundEvent } from '../../../../sandbox/log/events.ts';

const log = (seq: number): PlaygroundEvent => ({ type: 'console', seq, t: seq, level: 'log', text: `line ${seq}` });

describe('createInspectorSource', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('publishes snapshots of the growing live log, at most once per interval', () => {
    const events: PlaygroundEvent[] = [];
    const live = atom<LiveLog>({ run: 1, events });
    const source = createInspectorSource(live, 250);
    const seen: number[] = [];
    source.events.listen((list) => seen.push(list.length));

    events.push(log(0));
    live.set({ run: 1, events });
    expect(seen).toEqual([1]); // the first batch shows at once
    events.push(log(1));
    live.set({ run: 1, events });
    events.push(log(2));
    live.set({ run: 1, events });
    expect(seen).toEqual([1]);
    vi.advanceTimersByTime(250);
    expect(seen).toEqual([1, 3]);
    // A snapshot, not the run store's array that keeps growing.
    expect(source.events.get()).not.toBe(events);
    source.dispose();
  });

  it('shows an imported log until the learner goes back, or a new run starts', () => {
    const events: PlaygroundEvent[] = [log(0)];
    const live = atom<LiveLog>({ run: 1, events });
    const source = createInspectorSource(live, 250);
    source.showImported('dump.json', [log(0), log(1), log(2)]);
    expect(source.origin.get()).toEqual({ kind: 'imported', name: 'dump.json' });
    expect(source.events.get()).toHaveLength(3);

    events.push(log(1));
    live.set({ run: 1, events });
    vi.advanceTimersByTime(1000);
    expect(source.events.get()).toHaveLength(3); // the live run does not overwrite the import

    source.showLive();
    expect(source.origin.get()).toEqual({ kind: 'live' });
    expect(source.events.get()).toHaveLength(2);

    source.showImported('again.json', [log(0)]);
    events.length = 0;
    live.set({ run: 2, events });
    expect(source.origin.get()).toEqual({ kind: 'live' });
    expect(source.events.get()).toEqual([]);
    source.dispose();
  });
});

describe('the view registry', () => {
  it('lists the six tabs of the contract in order, each loading the view it names', async () => {
    expect(VIEWS.map((v) => v.label)).toEqual(['Timeline', 'SDP', 'Munging', 'ICE', 'Stats', 'Doctor']);
    for (const entry of VIEWS) {
      const view = await entry.load();
      expect(view.id).toBe(entry.id);
      expect(view.label).toBe(entry.label);
      expect(typeof view.mount).toBe('function');
    }
  });
});
