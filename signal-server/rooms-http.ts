/**
 * The room relay over plain HTTP, the polling variant of the "build your own
 * signalling" lesson (what XHR-era signalling looked like):
 *   POST /rooms/<name>/messages  {from, data}          → {seq}
 *   GET  /rooms/<name>/messages?after=<seq>&wait=<s>   → {messages:[{seq, from, data}], next}
 * GET answers at once when there is something after `after`, else waits up to
 * `wait` seconds (at most 20) for the next message: long polling. Every message
 * is returned, the sender's own too: a client skips those with its own `from`.
 * Messages are kept briefly (the last 100 per room, 5 minutes).
 */
import express from 'express';
import { isTrustedRequest, type Trust } from './origins.ts';
import { DEFAULT_ROOM_LIMITS, isRoomName, rateLimiter, ROOM_NAME_RULE, type RoomLimits } from './room-limits.ts';

export interface PolledMessage {
  seq: number;
  from: string;
  data: unknown;
}

export const MAX_WAIT_SECONDS = 20;
const KEEP_MESSAGES = 100;
const KEEP_MS = 5 * 60_000;
const MAX_ROOMS = 1000;

interface Room {
  seq: number;
  messages: (PolledMessage & { at: number })[];
  /** Senders seen in the last KEEP_MS, each with its rate limiter: the room's members. */
  senders: Map<string, { last: number; limiter: { allow(): boolean } }>;
  waiters: Set<() => void>;
}

export interface PollingRooms {
  router: express.Router;
  sweep(): void;
  /** Wakes every waiting request (server shutdown). */
  close(): void;
}

function roomError(res: express.Response, status: number, error: string): void {
  res.status(status).json({ error });
}

export function createPollingRooms(options: {
  ports: () => Trust;
  limits?: RoomLimits;
  now?: () => number;
}): PollingRooms {
  const limits = options.limits ?? DEFAULT_ROOM_LIMITS;
  const now = options.now ?? Date.now;
  const rooms = new Map<string, Room>();
  const router = express.Router();

  const sweep = () => {
    const cutoff = now() - KEEP_MS;
    for (const [name, room] of rooms) {
      room.messages = room.messages.filter((m) => m.at >= cutoff);
      for (const [from, sender] of room.senders) if (sender.last < cutoff) room.senders.delete(from);
      if (room.messages.length === 0 && room.senders.size === 0 && room.waiters.size === 0) rooms.delete(name);
    }
  };

  // CORS: the run frame (sandbox origin) calls these; other web pages may not.
  router.use('/rooms', (req, res, next) => {
    const origin = req.headers.origin;
    if (origin !== undefined) {
      if (!isTrustedRequest(req, options.ports())) return roomError(res, 403, 'This origin may not use the rooms');
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Vary', 'Origin');
    }
    res.setHeader('Cache-Control', 'no-store');
    if (req.method === 'OPTIONS') {
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST');
      res.setHeader('Access-Control-Allow-Headers', 'Content-Type');
      res.setHeader('Access-Control-Max-Age', '600');
      res.status(204).end();
      return;
    }
    next();
  });

  const roomName = (req: express.Request, res: express.Response): string | null => {
    const name = String(req.params.name ?? '');
    if (isRoomName(name)) return name;
    roomError(res, 400, `Bad room name: ${ROOM_NAME_RULE}`);
    return null;
  };

  router.post('/rooms/:name/messages', express.json({ limit: limits.maxMessageBytes + 1024 }), (req, res) => {
    const name = roomName(req, res);
    if (name === null) return;
    const body = req.body as { from?: unknown; data?: unknown } | undefined;
    if (!req.is('application/json') || typeof body !== 'object' || body === null || Array.isArray(body)) {
      return roomError(res, 400, 'Send {"from": "<your id>", "data": …} as JSON (Content-Type: application/json)');
    }
    if (typeof body.from !== 'string' || !/^[\x20-\x7e]{1,64}$/.test(body.from)) {
      return roomError(res, 400, '"from" must be 1–64 printable ASCII characters (who sent it, so others can skip their own)');
    }
    if (body.data === undefined) return roomError(res, 400, '"data" is missing: it is the message to relay (any JSON value)');
    if (Buffer.byteLength(JSON.stringify(body.data)) > limits.maxMessageBytes) {
      return roomError(res, 413, `message too large (over ${limits.maxMessageBytes} bytes)`);
    }
    let room = rooms.get(name);
    if (!room) {
      if (rooms.size >= MAX_ROOMS) sweep();
      if (rooms.size >= MAX_ROOMS) return roomError(res, 503, 'too many rooms open: try again in a few minutes');
      room = { seq: 0, messages: [], senders: new Map(), waiters: new Set() };
      rooms.set(name, room);
    }
    let sender = room.senders.get(body.from);
    if (!sender) {
      if (room.senders.size >= limits.maxMembers) sweep();
      if (room.senders.size >= limits.maxMembers) return roomError(res, 409, `room is full (${limits.maxMembers} members)`);
      sender = { last: now(), limiter: rateLimiter(limits.maxMessagesPerSecond, now) };
      room.senders.set(body.from, sender);
    }
    if (!sender.limiter.allow()) {
      return roomError(res, 429, `too many messages (over ${limits.maxMessagesPerSecond} per second)`);
    }
    sender.last = now();
    const message = { seq: ++room.seq, from: body.from, data: body.data, at: now() };
    room.messages.push(message);
    if (room.messages.length > KEEP_MESSAGES) room.messages.shift();
    for (const wake of room.waiters) wake();
    res.status(201).json({ seq: message.seq });
  });

  router.get('/rooms/:name/messages', (req, res) => {
    const name = roomName(req, res);
    if (name === null) return;
    const after = Number(req.query.after ?? 0);
    const wait = Number(req.query.wait ?? 0);
    if (!Number.isInteger(after) || after < 0) return roomError(res, 400, '"after" must be a whole number ≥ 0 (the last seq you have seen)');
    if (!Number.isFinite(wait) || wait < 0) return roomError(res, 400, `"wait" must be seconds from 0 to ${MAX_WAIT_SECONDS}`);
    const pending = (): PolledMessage[] =>
      (rooms.get(name)?.messages ?? []).filter((m) => m.seq > after).map(({ seq, from, data }) => ({ seq, from, data }));
    const answer = () => {
      const messages = pending();
      res.json({ messages, next: messages.at(-1)?.seq ?? after });
    };
    if (pending().length > 0 || wait === 0) return answer();

    // Long poll: park until a message arrives, the wait runs out or the client leaves.
    let room = rooms.get(name);
    if (!room) {
      room = { seq: 0, messages: [], senders: new Map(), waiters: new Set() };
      rooms.set(name, room);
    }
    const parked = room;
    const done = () => {
      clearTimeout(timer);
      parked.waiters.delete(done);
      if (!res.headersSent) answer();
    };
    const timer = setTimeout(done, Math.min(wait, MAX_WAIT_SECONDS) * 1000);
    parked.waiters.add(done);
    res.on('close', () => {
      clearTimeout(timer);
      parked.waiters.delete(done);
    });
  });

  return {
    router,
    sweep,
    close() {
      for (const room of rooms.values()) for (const wake of [...room.waiters]) wake();
      rooms.clear();
    },
  };
}
