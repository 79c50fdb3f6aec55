/**
 * Minimal PeerJS-protocol clients over a bare WebSocket, for the specs that
 * attack the signaller: an honest pair that must still reach each other, and
 * flooding sockets bound to another loopback address (so a per-address cap
 * on the attacker does not count the honest clients).
 */
import { WebSocket } from 'ws';

export function signallerUrl(port: number, id: string, token = 'token'): string {
  return `ws://127.0.0.1:${port}/peerjs/peerjs?key=peerjs&id=${encodeURIComponent(id)}&token=${token}`;
}

/** Opens a socket as `id` and waits for the server's OPEN; rejects on anything else. */
export function openPeer(port: number, id: string, localAddress?: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(signallerUrl(port, id), localAddress ? { localAddress } : {});
    ws.on('error', reject);
    ws.once('message', (data) => {
      const type = (JSON.parse(String(data)) as { type?: string }).type;
      if (type === 'OPEN') resolve(ws);
      else reject(new Error(`expected OPEN, got ${type}`));
    });
  });
}

/** The next message of `type` on `ws`, or a rejection after `timeoutMs`. */
export function nextMessage(ws: WebSocket, type: string, timeoutMs = 5_000): Promise<{ type: string; src?: string; payload?: unknown }> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      ws.off('message', onMessage);
      reject(new Error(`no ${type} within ${timeoutMs} ms`));
    }, timeoutMs);
    const onMessage = (data: unknown) => {
      const message = JSON.parse(String(data)) as { type: string };
      if (message.type !== type) return;
      clearTimeout(timer);
      ws.off('message', onMessage);
      resolve(message);
    };
    ws.on('message', onMessage);
  });
}

/** Two honest peers exchange an OFFER through the signaller; resolves with the time it took. */
export async function exchangeOffer(port: number, tag: string): Promise<number> {
  const started = Date.now();
  const [a, b] = await Promise.all([openPeer(port, `honest-a-${tag}`), openPeer(port, `honest-b-${tag}`)]);
  try {
    const received = nextMessage(b, 'OFFER');
    a.send(JSON.stringify({ type: 'OFFER', dst: `honest-b-${tag}`, payload: { sdp: 'v=0', type: 'data', connectionId: 'dc_1' } }));
    const offer = await received;
    if (offer.src !== `honest-a-${tag}`) throw new Error(`OFFER from ${offer.src}`);
    return Date.now() - started;
  } finally {
    a.close();
    b.close();
  }
}
