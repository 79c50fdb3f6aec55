/**
 * The WebSocket room relay for the "build your own signalling" lesson:
 * `ws://<site>/rooms/<name>`. Every text message goes to the room's other
 * members, unchanged and not echoed; the server understands none of it, which
 * is the point of the lesson: signalling is just passing messages along.
 * Each limit closes the socket with a code and a reason the learner can read
 * in `close` events.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { closeSockets } from './close-sockets.ts';
import type { Logger } from './log.ts';
import { isTrustedRequest, type Trust } from './origins.ts';
import { DEFAULT_ROOM_LIMITS, isRoomName, rateLimiter, ROOM_NAME_RULE, type RoomLimits } from './room-limits.ts';
import { pathnameOf, refuseUpgrade } from './upgrade.ts';

export const ROOMS_PREFIX = '/rooms/';

export interface RoomRelay {
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  /** Rooms with members, and members in all of them. */
  stats(): { rooms: number; members: number };
  /** Closes every member with 1001 and a reason (close-sockets.ts). */
  close(): Promise<void>;
}

export interface RoomRelayOptions {
  ports: () => Trust;
  log: Logger;
  limits?: RoomLimits;
}

export function createRoomRelay(options: RoomRelayOptions): RoomRelay {
  const { log } = options;
  const limits = options.limits ?? DEFAULT_ROOM_LIMITS;
  // ws itself closes with 1009 "Max payload size exceeded" past maxPayload.
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxMessageBytes });
  const rooms = new Map<string, Set<WebSocket>>();

  const join = (ws: WebSocket, name: string) => {
    const members = rooms.get(name) ?? new Set<WebSocket>();
    if (members.size >= limits.maxMembers) {
      ws.close(1008, `room is full (${limits.maxMembers} members)`);
      return;
    }
    members.add(ws);
    rooms.set(name, members);
    log.info(`rooms: join ${name} (${members.size} member${members.size === 1 ? '' : 's'})`);
    const limiter = rateLimiter(limits.maxMessagesPerSecond);

    ws.on('message', (data, isBinary) => {
      if (isBinary) {
        ws.close(1003, 'binary messages are not relayed: send text (e.g. JSON.stringify)');
        return;
      }
      if (!limiter.allow()) {
        ws.close(1008, `too many messages (over ${limits.maxMessagesPerSecond} per second)`);
        return;
      }
      const text = data.toString();
      for (const other of members) {
        if (other !== ws && other.readyState === other.OPEN && other.bufferedAmount <= limits.maxBacklogBytes) other.send(text);
      }
    });
    ws.on('error', () => {}); // a misbehaving client is closed by ws; nothing to report
    ws.on('close', () => {
      members.delete(ws);
      if (members.size === 0) rooms.delete(name);
      log.info(`rooms: leave ${name} (${members.size} left)`);
    });
  };

  return {
    handleUpgrade(req, socket, head) {
      const path = pathnameOf(req.url);
      if (!path.startsWith(ROOMS_PREFIX)) return false;
      let name: string;
      try {
        name = decodeURIComponent(path.slice(ROOMS_PREFIX.length));
      } catch {
        name = '';
      }
      if (!isRoomName(name)) {
        refuseUpgrade(socket, 400, `Bad room name: ${ROOM_NAME_RULE}`);
      } else if (!isTrustedRequest(req, options.ports())) {
        refuseUpgrade(socket, 403, 'This origin may not use the rooms');
      } else {
        wss.handleUpgrade(req, socket, head, (ws) => join(ws, name));
      }
      return true;
    },
    stats() {
      let members = 0;
      for (const room of rooms.values()) members += room.size;
      return { rooms: rooms.size, members };
    },
    async close() {
      await closeSockets(wss.clients);
      wss.close();
      rooms.clear();
    },
  };
}
