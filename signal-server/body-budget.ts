/**
 * A budget for request bodies being received. A body is held in memory until
 * its last byte arrives, so clients that send most of a 4 MiB run and then
 * stall hold 4 MiB each until the request timeout: a hundred of them held
 * 800 MB. Each request with a body reserves its declared size (the largest
 * accepted when it declares none) for as long as it lasts; past the client's
 * share or the total it is answered 503 at once and its connection closed.
 */
import type express from 'express';
import { clientKey } from './client-address.ts';

export interface BodyBudgetLimits {
  /** Bytes of bodies one client (client-address.ts) may be sending at once. */
  perClient: number;
  /** Bytes of bodies all clients may be sending at once. */
  total: number;
  /** The largest body any route accepts: what a body of unknown length reserves. */
  maxBody: number;
}

export const DEFAULT_BODY_BUDGET = { perClient: 16 * 1024 * 1024, total: 64 * 1024 * 1024 };

export function bodyBudget(limits: BodyBudgetLimits): express.RequestHandler {
  const reserved = new Map<string, number>();
  let total = 0;
  return (req, res, next) => {
    const declared = req.headers['content-length'];
    if (declared === undefined && req.headers['transfer-encoding'] === undefined) return next();
    const length = declared === undefined ? limits.maxBody : Number(declared);
    // The body parser refuses what is over its limit before reading it, so that much is the most reserved.
    const bytes = Number.isFinite(length) ? Math.min(Math.max(length, 0), limits.maxBody) : limits.maxBody;
    if (bytes === 0) return next();
    const key = clientKey(req.socket.remoteAddress);
    const mine = reserved.get(key) ?? 0;
    if (mine + bytes > limits.perClient || total + bytes > limits.total) {
      res.setHeader('Connection', 'close');
      res.status(503).json({ error: 'The server is receiving too many uploads at once: try again in a few seconds' });
      return;
    }
    reserved.set(key, mine + bytes);
    total += bytes;
    res.once('close', () => {
      total -= bytes;
      const left = (reserved.get(key) ?? bytes) - bytes;
      if (left <= 0) reserved.delete(key);
      else reserved.set(key, left);
    });
    next();
  };
}
