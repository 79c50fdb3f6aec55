import { describe, expect, it } from 'vitest';
import { createInbox, type InboxMessage } from '../../../sandbox/host/inbox.ts';
import { HOST_MESSAGES_PER_SECOND, HOST_MAX_LINE_CHARS } from '../../../sandbox/limits.ts';

const RUN = 'run-1';
const batch = (events: unknown[]) => ({ source: 'webrtc-playground', runId: RUN, kind: 'events', events });
const line = (text: string, seq = 0) => ({ type: 'console', level: 'log', text, seq, t: 1 });

/** An inbox on a clock the test moves, and what it passed to the page. */
function inbox() {
  const clock = { now: 0 };
  const out: InboxMessage[] = [];
  let reads = 0;
  const receive = createInbox(RUN, () => clock.now, (message) => out.push(message));
  const send = (data: unknown) =>
    receive(() => {
      reads++;
      return data;
    });
  return { clock, out, send, reads: () => reads };
}

describe('the inbox worker passes the page only what it checked', () => {
  it('passes a valid batch on as clean events, and the run its answers', () => {
    const { out, send } = inbox();
    send(batch([{ ...line('hello'), extra: 'dropped' }, { type: 'nonsense' }]));
    send({ source: 'webrtc-playground', runId: RUN, kind: 'stopped' });
    expect(out).toEqual([{ kind: 'events', events: [line('hello')] }, { kind: 'stopped' }]);
  });

  it('turns a heartbeat, another run’s message or junk into a bare sign of life', () => {
    const { out, send } = inbox();
    send({ source: 'webrtc-playground', runId: RUN, kind: 'heartbeat' });
    send({ ...batch([line('other run')]), runId: 'run-2' });
    send(new Map());
    expect(out).toEqual([{ kind: 'alive' }, { kind: 'alive' }, { kind: 'alive' }]);
  });

  it('cuts console text before passing it on', () => {
    const { out, send } = inbox();
    send(batch([line('x'.repeat(1_000_000))]));
    const [message] = out;
    const text = message?.kind === 'events' && message.events[0]?.type === 'console' ? message.events[0].text : '';
    expect(text).toBe(`${'x'.repeat(HOST_MAX_LINE_CHARS)}… (${1_000_000 - HOST_MAX_LINE_CHARS} more characters not shown)`);
  });

  it('ends the run past the message limit without reading the data, and passes on nothing after', () => {
    const { out, send, reads, clock } = inbox();
    for (let i = 0; i < HOST_MESSAGES_PER_SECOND + 50; i++) send({ source: 'webrtc-playground', runId: RUN, kind: 'heartbeat' });
    expect(reads()).toBe(HOST_MESSAGES_PER_SECOND);
    expect(out.at(-1)).toEqual({ kind: 'flooded', reason: expect.stringMatching(/more than 300 messages in one second, so the playground stopped it/) });
    expect(out.filter((m) => m.kind === 'flooded')).toHaveLength(1);
    clock.now = 5000;
    send(batch([line('late')]));
    expect(out.at(-1)?.kind).toBe('flooded');
    expect(reads()).toBe(HOST_MESSAGES_PER_SECOND);
  });

  it('ends the run on a batch claiming too many events before validating them', () => {
    const { out, send } = inbox();
    const events = Array.from({ length: 5000 }, (_, i) => line('forged', i));
    for (let i = 0; i < 5; i++) send(batch(events));
    expect(out.filter((m) => m.kind === 'events')).toHaveLength(4);
    expect(out.at(-1)).toEqual({ kind: 'flooded', reason: expect.stringMatching(/more than 20,000 events in one second/) });
  });
});
