/**
 * What the two room relays (WebSocket and HTTP polling) share: room names,
 * limits, and a per-sender rate limiter. A room is a few learner tabs passing
 * offers, answers and candidates, so the limits are generous for that and
 * tight for anything else.
 */
export interface RoomLimits {
  /** Longest text message, in bytes (WebSocket close 1009, HTTP 413). */
  maxMessageBytes: number;
  /** Members per room (close 1008, HTTP 409). */
  maxMembers: number;
  /** Messages one member may send per second (close 1008, HTTP 429). */
  maxMessagesPerSecond: number;
  /**
   * Bytes waiting to be written to a WebSocket member past which messages to it
   * are dropped: a member that stops reading would otherwise make the server
   * hold everything the others send it (7 senders × 50 × 64 KiB a second).
   */
  maxBacklogBytes: number;
}

export const DEFAULT_ROOM_LIMITS: RoomLimits = { maxMessageBytes: 64 * 1024, maxMembers: 8, maxMessagesPerSecond: 50, maxBacklogBytes: 1024 * 1024 };

const ROOM_NAME = /^[A-Za-z0-9_-]{1,64}$/;

export function isRoomName(name: string): boolean {
  return ROOM_NAME.test(name);
}

export const ROOM_NAME_RULE = 'a room name is 1–64 letters, digits, "_" or "-"';

/**
 * Counts messages (or bytes: `allow(size)`) in the current one-second window;
 * `allow()` is false once over the limit.
 */
export function rateLimiter(perSecond: number, now: () => number = Date.now): { allow(amount?: number): boolean } {
  let windowStart = 0;
  let count = 0;
  return {
    allow(amount = 1) {
      const t = now();
      if (t - windowStart >= 1000) {
        windowStart = t;
        count = 0;
      }
      count += amount;
      return count <= perSecond;
    },
  };
}
