/**
 * The event logs the preview frames post to the lesson page, recorded on the
 * Node side as the page receives them (from the inbox worker of each run). Tests compare what the inspector shows
 * with this log (the ground truth, read without the inspector's help), and the
 * fixture tool saves it.
 */
import type { BrowserContext, Page } from '@playwright/test';
import type { PlaygroundEvent } from '../../../sandbox/log/events.ts';
import type { FrameMessage } from '../../../sandbox/protocol.ts';

export class FrameLogs {
  private readonly runs = new Map<string, PlaygroundEvent[]>();
  private lastRun: string | null = null;

  /** Start recording in every page of `target` (call before the page loads). */
  static async record(target: BrowserContext | Page): Promise<FrameLogs> {
    const logs = new FrameLogs();
    await target.exposeBinding('__e2eFrameMessage', (_source, message: FrameMessage) => logs.add(message));
    // The frame's events reach the page through a worker per run (sandbox/host/inbox.ts), which
    // posts the page validated batches: record those, tagged with the run the page gave the worker.
    await target.addInitScript(() => {
      if (window !== window.top) return;
      const NativeWorker = window.Worker;
      const record = (message: unknown) => (window as unknown as { __e2eFrameMessage(m: unknown): void }).__e2eFrameMessage(message);
      window.Worker = class extends NativeWorker {
        #runId: string | null = null;
        constructor(url: string | URL, options?: WorkerOptions) {
          super(url, options);
          this.addEventListener('message', (event: MessageEvent) => {
            const data = event.data as { kind?: unknown; events?: unknown } | null;
            if (this.#runId !== null && data?.kind === 'events') record({ kind: 'events', runId: this.#runId, events: data.events });
          });
        }
        override postMessage(message: unknown, ...rest: [Transferable[] | StructuredSerializeOptions | undefined]): void {
          const port = message as { kind?: unknown; runId?: unknown } | null;
          if (port?.kind === 'port' && typeof port.runId === 'string') this.#runId = port.runId;
          super.postMessage(message, ...(rest as [Transferable[]]));
        }
      };
    });
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
