import { describe, expect, it } from 'vitest';
import { MEMBER_IDLE_MS, RoomMembers } from '../../../signal-server/room-members.ts';

const limits = { maxMembers: 2, maxMessagesPerSecond: 3 };

describe('RoomMembers', () => {
  it('admits up to maxMembers senders, and a new one once another has been idle long enough', () => {
    let now = 0;
    const members = new RoomMembers(limits, 1000, () => now);
    expect([members.send('a'), members.send('b'), members.send('c')]).toEqual(['ok', 'ok', 'full']);
    now = 900;
    expect(members.send('a')).toBe('ok'); // a is active again
    now = 1500;
    expect(members.send('c')).toBe('ok'); // b has been quiet for 1.5 s: its place is free
    expect(members.send('b')).toBe('full'); // a (at 900) and c hold both places
    expect(members.size).toBe(2);
  });

  it('limits each member to its messages per second, without counting refused ones as activity', () => {
    let now = 0;
    const members = new RoomMembers(limits, 1000, () => now);
    expect(['a', 'a', 'a', 'a'].map((from) => members.send(from))).toEqual(['ok', 'ok', 'ok', 'rate-limit']);
    now = 1001;
    expect(members.send('a')).toBe('ok'); // a new second, and a's old entry lapsed: a fresh limiter
  });

  it('sweeps idle members away, so made-up senders cannot hold the map', () => {
    let now = 0;
    const members = new RoomMembers({ maxMembers: 8, maxMessagesPerSecond: 50 }, MEMBER_IDLE_MS, () => now);
    for (let i = 0; i < 8; i++) members.send(`made-up-${i}`);
    expect(members.send('honest')).toBe('full');
    now = MEMBER_IDLE_MS + 1;
    members.sweep();
    expect(members.size).toBe(0);
    expect(members.send('honest')).toBe('ok');
  });
});
