/**
 * The room relay over plain HTTP, the polling variant of the "build your own
 * signalling" lesson (what XHR-era signalling looked like):
 *   POST /rooms/<name>/messages  {from, data}          → {seq}
 *   GET  /rooms/<name>/messages?after=<seq>&wait=<s>   → {messages:[{seq, from, data}], next}
 * GET answers at once when there is something after `after`, else waits up to
 * `wait` seconds (at most 20) for the next message: long polling. Every message
 * is returned, the sender's own too: a client skips those with its own `from`.
 * Messages are kept briefly (the last 100 per room, 5 minutes).
 *
 * A room exists once someone posts to it. A GET on a room nobody has posted
 * to creates nothing: it may wait (bounded per room and in all), so parked
 * long-polls never take the places of rooms in use.
 */
import express from 'express';
import { isTrustedRequest, type Trust } from './origins.ts';
import { RoomMembers } from './room-members.ts';
import { DEFAULT_ROOM_LIMITS, isRoomName, ROOM_NAME_RULE, type RoomLimits } from './room-limits.ts';

export interface PolledMessage {
  seq: number;
  from: string;
  data: unknown;
}

export const MAX_WAIT_SECONDS = 20;
const KEEP_MESSAGES = 100;
const KEEP_MS = 5 * 60_000;
const MAX_ROOMS = 1000;
/** Requests waiting in one room: its members, and a few left behind by reloaded tabs. */
const MAX_WAITING_PER_ROOM = 32;
/** Requests waiting in all rooms: each is an open connection the server holds for up to 20 s. */
const MAX_WAITING = 5000;

interface Room {
  seq: number;
  messages: (PolledMessage & { at: number })[];
  members: RoomMembers;
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

function tooLarge(limits: RoomLimits): string {
  return `The room message is too large: its "data" may be at most ${Math.round(limits.maxMessageBytes / 1024)} KiB of JSON`;
}

export function createPollingRooms(options: {
  ports: () => Trust;
  limits?: RoomLimits;
  now?: () => number;
}): PollingRooms {
  const limits = options.limits ?? DEFAULT_ROOM_LIMITS;
  const now = options.now ?? Date.now;
  const rooms = new Map<string, Room>();
  /** Long-polls parked per room name, whether or not the room exists yet. */
  const waiting = new Map<string, Set<() => void>>();
  let waitingCount = 0;
  const router = express.Router();

  const sweep = () => {
    const cutoff = now() - KEEP_MS;
    for (const [name, room] of rooms) {
      room.messages = room.messages.filter((m) => m.at >= cutoff);
      room.members.sweep();
      if (room.messages.length === 0 && room.members.size === 0) rooms.delete(name);
    }
  };
  /** Whether a new room may open, sweeping first when the cap is reached. */
  const roomAvailable = () => {
    if (rooms.size >= MAX_ROOMS) sweep();
    return rooms.size < MAX_ROOMS;
  };
  const roomsFull = (res: express.Response) => roomError(res, 503, 'too many rooms open: try again in a few minutes');

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
    if (Buffer.byteLength(JSON.stringify(body.data)) > limits.maxMessageBytes) return roomError(res, 413, tooLarge(limits));
    let room = rooms.get(name);
    if (!room) {
      if (!roomAvailable()) return roomsFull(res);
      room = { seq: 0, messages: [], members: new RoomMembers(limits, undefined, now) };
      rooms.set(name, room);
    }
    const verdict = room.members.send(body.from);
    if (verdict === 'full') return roomError(res, 409, `room is full (${limits.maxMembers} members)`);
    if (verdict === 'rate-limit') return roomError(res, 429, `too many messages (over ${limits.maxMessagesPerSecond} per second)`);
    const message = { seq: ++room.seq, from: body.from, data: body.data, at: now() };
    room.messages.push(message);
    if (room.messages.length > KEEP_MESSAGES) room.messages.shift();
    for (const wake of [...(waiting.get(name) ?? [])]) wake();
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
    // A GET for a room nobody has opened would have a room to wait in only if one may open.
    if (!rooms.has(name) && !roomAvailable()) return roomsFull(res);
    if (pending().length > 0 || wait === 0) return answer();

    // Long poll: park until a message arrives, the wait runs out or the client leaves.
    const parked = waiting.get(name) ?? new Set<() => void>();
    if (parked.size >= MAX_WAITING_PER_ROOM) return roomError(res, 429, `too many requests waiting in this room (over ${MAX_WAITING_PER_ROOM})`);
    if (waitingCount >= MAX_WAITING) return roomError(res, 503, 'too many requests waiting: try again in a few seconds');
    const unpark = () => {
      clearTimeout(timer);
      if (!parked.delete(done)) return;
      waitingCount--;
      if (parked.size === 0) waiting.delete(name);
    };
    const done = () => {
      unpark();
      if (!res.headersSent) answer();
    };
    const timer = setTimeout(done, Math.min(wait, MAX_WAIT_SECONDS) * 1000);
    parked.add(done);
    waiting.set(name, parked);
    waitingCount++;
    res.on('close', unpark);
  });

  router.use('/rooms', (error: unknown, _req: express.Request, res: express.Response, next: express.NextFunction) => {
    // The site's error handler would speak of runs: a room message has its own limit.
    if ((error as { type?: unknown } | null)?.type !== 'entity.too.large' || res.headersSent) return next(error);
    roomError(res, 413, tooLarge(limits));
  });

  return {
    router,
    sweep,
    close() {
      for (const parked of [...waiting.values()]) for (const wake of [...parked]) wake();
      waiting.clear();
      waitingCount = 0;
      rooms.clear();
    },
  };
}
