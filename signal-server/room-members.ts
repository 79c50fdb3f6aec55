/**
 * Who is in a polling room. HTTP has no connection whose end says a member
 * left, so a member is a sender seen recently: one that posted within
 * `idleMs`. A room admits at most `maxMembers` of them, each with its own rate
 * limiter. Made-up `from` values then hold a room for `idleMs` at most, not
 * for as long as its messages are kept, and the map stays bounded.
 */
import { rateLimiter, type RoomLimits } from './room-limits.ts';

/** As long as the longest long-poll wait: a peer quiet for longer is not counted. */
export const MEMBER_IDLE_MS = 20_000;

interface Member {
  last: number;
  limiter: { allow(): boolean };
}

export class RoomMembers {
  private readonly members = new Map<string, Member>();
  private readonly limits: Pick<RoomLimits, 'maxMembers' | 'maxMessagesPerSecond'>;
  private readonly idleMs: number;
  private readonly now: () => number;

  constructor(limits: Pick<RoomLimits, 'maxMembers' | 'maxMessagesPerSecond'>, idleMs = MEMBER_IDLE_MS, now: () => number = Date.now) {
    this.limits = limits;
    this.idleMs = idleMs;
    this.now = now;
  }

  /**
   * `from` sends a message: 'full' when it is new and the room has no place
   * for it, 'rate-limit' when it sends too fast, else 'ok' (and it counts as active).
   */
  send(from: string): 'ok' | 'full' | 'rate-limit' {
    let member = this.members.get(from);
    if (member && this.idle(member)) {
      this.members.delete(from);
      member = undefined;
    }
    if (!member) {
      if (this.members.size >= this.limits.maxMembers) this.sweep();
      if (this.members.size >= this.limits.maxMembers) return 'full';
      member = { last: this.now(), limiter: rateLimiter(this.limits.maxMessagesPerSecond, this.now) };
      this.members.set(from, member);
    }
    if (!member.limiter.allow()) return 'rate-limit';
    member.last = this.now();
    return 'ok';
  }

  /** Forgets members idle for longer than `idleMs`. */
  sweep(): void {
    for (const [from, member] of this.members) if (this.idle(member)) this.members.delete(from);
  }

  get size(): number {
    return this.members.size;
  }

  private idle(member: Member): boolean {
    return this.now() - member.last > this.idleMs;
  }
}
