/**
 * The event logs the preview frames post to the lesson page, recorded on the
 * Node side as the page receives them. Tests compare what the inspector shows
 * with this log (the ground truth, read without the inspector's help), and the
 * fixture tool saves it.
 */
import type { BrowserContext, Page } from '@playwright/test';
import type { PlaygroundEvent } from '../../../sandbox/log/events.ts';
import { PROTOCOL_SOURCE, type FrameMessage } from '../../../sandbox/protocol.ts';

export class FrameLogs {
  private readonly runs = new Map<string, PlaygroundEvent[]>();
  private lastRun: string | null = null;

  /** Start recording in every page of `target` (call before the page loads). */
  static async record(target: BrowserContext | Page): Promise<FrameLogs> {
    const logs = new FrameLogs();
    await target.exposeBinding('__e2eFrameMessage', (_source, message: FrameMessage) => logs.add(message));
    await target.addInitScript((source: string) => {
      if (window !== window.top) return;
      window.addEventListener('message', (event: MessageEvent) => {
        const data = event.data as { source?: unknown; kind?: unknown } | null;
        if (data && data.source === source && data.kind === 'events') {
          (window as unknown as { __e2eFrameMessage(m: unknown): void }).__e2eFrameMessage(data);
        }
      });
    }, PROTOCOL_SOURCE);
    return logs;
  }

  private add(message: FrameMessage): void {
    if (message.kind !== 'events') return;
    const list = this.runs.get(message.runId) ?? [];
    list.push(...message.events);
    this.runs.set(message.runId, list);
    this.lastRun = message.runId;
  }

  /** A run's events in `seq` order, each once. */
  events(runId: string): PlaygroundEvent[] {
    const bySeq = new Map<number, PlaygroundEvent>();
    for (const event of this.runs.get(runId) ?? []) if (!bySeq.has(event.seq)) bySeq.set(event.seq, event);
    return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
  }

  /** The events of the run that posted last. */
  latest(): PlaygroundEvent[] {
    return this.lastRun === null ? [] : this.events(this.lastRun);
  }
}
