/**
 * The host names this server answers to. Every origin check (origins.ts)
 * starts from the Host header, so a Host we do not own must be refused before
 * anything else: under DNS rebinding, an attacker's page at
 * http://evil.example:4321 whose name now resolves to 127.0.0.1 sends
 * `Host: evil.example:4321` and `Origin: http://evil.example:4321`, which
 * agree with each other and would otherwise pass as our own site.
 *
 * Ours: the loopback names (localhost, *.localhost, 127.0.0.0/8, ::1); this
 * machine's addresses and host name (the names HTTPS mode's certificate
 * covers: a rebinding attacker can only send names it controls, never these);
 * the address the server was told to listen on; and the hosts of
 * ALLOWED_ORIGINS (a reverse proxy's name). The port is not checked: a proxy
 * may forward any port, and rebinding is about the name.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { hostname, networkInterfaces } from 'node:os';
import type { Duplex } from 'node:stream';
import { certificateNames, type CertificateNames } from './certificate.ts';
import { requestHostUrl } from './origins.ts';
import { refuseUpgrade } from './upgrade.ts';

export interface HostAllowListOptions {
  /** HOST: the address the servers listen on. */
  bindHost: string;
  /** ALLOWED_ORIGINS. */
  allowedOrigins: readonly string[];
  /** This machine's names and addresses; read again now and then (Wi-Fi joined later). */
  machineNames?: () => CertificateNames;
}

/** A host name as URL.hostname gives it, without the brackets of an IPv6 address, lower case. */
function bare(name: string): string {
  return name.replace(/^\[(.*)\]$/, '$1').toLowerCase();
}

export function isLoopbackName(name: string): boolean {
  const host = bare(name);
  return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** How long the machine's names are reused before asking the OS again. */
const MACHINE_NAMES_TTL_MS = 5000;

export function createHostAllowList(options: HostAllowListOptions): (hostname: string) => boolean {
  const readMachineNames = options.machineNames ?? (() => certificateNames(networkInterfaces(), hostname()));
  const fixed = new Set(options.allowedOrigins.map((origin) => bare(new URL(origin).hostname)));
  if (options.bindHost !== '0.0.0.0' && options.bindHost !== '::') fixed.add(bare(options.bindHost));
  let machine = new Set<string>();
  let readAt = -Infinity;
  return (name) => {
    const host = bare(name);
    if (isLoopbackName(host) || fixed.has(host)) return true;
    if (Date.now() - readAt > MACHINE_NAMES_TTL_MS) {
      const names = readMachineNames();
      machine = new Set([...names.dns, ...names.ips].map(bare));
      readAt = Date.now();
    }
    return machine.has(host);
  };
}

export const FOREIGN_HOST_STATUS = 421;

export function foreignHostMessage(host: string): string {
  return (
    `This playground server answers only to its own names (localhost, 127.0.0.1, this machine's addresses and host name), ` +
    `not to ${JSON.stringify(host)}. Open it by one of those; behind a proxy with another name, list the proxy's origin in ALLOWED_ORIGINS.`
  );
}

/** The Host of a request when it is not one of ours (or is not a host at all), else null. */
export function foreignHost(req: IncomingMessage, allows: (hostname: string) => boolean): string | null {
  const url = requestHostUrl(req);
  if (url === null) return req.headers.host ?? '';
  return allows(url.hostname) ? null : url.hostname;
}

/** Wraps a request listener: requests to a foreign Host get 421 and never reach it. */
export function onlyOwnHosts(
  allows: (hostname: string) => boolean,
  listener: (req: IncomingMessage, res: ServerResponse) => void,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const host = foreignHost(req, allows);
    if (host === null) return listener(req, res);
    const body = `${foreignHostMessage(host)}\n`;
    res.writeHead(FOREIGN_HOST_STATUS, {
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Length': Buffer.byteLength(body),
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    res.end(body);
  };
}

/** The same for WebSocket upgrades (the signaller, the rooms). */
export function onlyOwnHostUpgrades(
  allows: (hostname: string) => boolean,
  listener: (req: IncomingMessage, socket: Duplex, head: Buffer) => void,
): (req: IncomingMessage, socket: Duplex, head: Buffer) => void {
  return (req, socket, head) => {
    const host = foreignHost(req, allows);
    if (host === null) return listener(req, socket, head);
    refuseUpgrade(socket, FOREIGN_HOST_STATUS, foreignHostMessage(host));
  };
}
