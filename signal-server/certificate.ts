/**
 * The self-signed certificate of HTTPS mode. Made once with the `openssl`
 * command and kept, so a browser or phone told to trust it keeps trusting it;
 * made again only when the machine's names changed (a new Wi-Fi address) or it
 * is about to expire.
 *
 * Why openssl and not an npm package: Debian and macOS ship it, Node has no API
 * that *creates* certificates, and a missing openssl is easy to name in one line.
 */
import { spawnSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import type { NetworkInterfaceInfo } from 'node:os';
import { join } from 'node:path';

export interface CertificateNames {
  dns: string[];
  ips: string[];
}

export interface Certificate {
  key: string;
  cert: string;
  certPath: string;
  /** SHA-256 fingerprint as browsers show it (AA:BB:…). */
  fingerprint: string;
  /** True when this start made it; false when the kept one was reused. */
  created: boolean;
  /** Why it was made this start, or null when reused. */
  reason: string | null;
}

export class CertificateError extends Error {
  override name = 'CertificateError';
}

export const CERT_FILE = 'cert.pem';
export const KEY_FILE = 'key.pem';
const VALID_DAYS = 365;
/** Renewed this long before it expires, so it never lapses in the middle of a lesson. */
const RENEW_BEFORE_MS = 30 * 24 * 3600 * 1000;

/**
 * The names the certificate must cover: loopback under every spelling, the
 * host name (and its .local mDNS form), and each network address other than
 * link-local IPv6 (those need a zone id, which a URL cannot carry portably).
 */
export function certificateNames(
  interfaces: NodeJS.Dict<NetworkInterfaceInfo[]>,
  hostname: string,
): CertificateNames {
  const dns = new Set(['localhost']);
  const host = hostname.trim().toLowerCase();
  if (/^[a-z0-9-]+(\.[a-z0-9-]+)*$/.test(host) && host !== 'localhost') {
    dns.add(host);
    if (!host.includes('.')) dns.add(`${host}.local`);
  }
  const ips = new Set(['127.0.0.1', '::1']);
  for (const list of Object.values(interfaces)) {
    for (const info of list ?? []) {
      if (info.internal || info.address.toLowerCase().startsWith('fe80:')) continue;
      ips.add(info.address);
    }
  }
  return { dns: [...dns].sort(), ips: [...ips].sort() };
}

/** The certificate's subjectAltName as the same shape, for comparing with what is wanted. */
export function namesOf(cert: X509Certificate): CertificateNames {
  const dns: string[] = [];
  const ips: string[] = [];
  for (const entry of (cert.subjectAltName ?? '').split(/,\s*/)) {
    if (entry.startsWith('DNS:')) dns.push(entry.slice(4));
    else if (entry.startsWith('IP Address:')) ips.push(normaliseIp(entry.slice(11)));
  }
  return { dns: dns.sort(), ips: ips.sort() };
}

/** openssl prints IPv6 in full ("0:0:…:1"); URL parsing gives the short form both sides agree on. */
function normaliseIp(ip: string): string {
  if (!ip.includes(':')) return ip;
  try {
    return new URL(`http://[${ip}]/`).hostname.slice(1, -1);
  } catch {
    return ip;
  }
}

function sameNames(a: CertificateNames, b: CertificateNames): boolean {
  const key = (n: CertificateNames) => JSON.stringify([[...n.dns].sort(), [...n.ips].map(normaliseIp).sort()]);
  return key(a) === key(b);
}

/** Why the kept certificate cannot be used, or null when it can. */
function staleReason(dir: string, names: CertificateNames, now: number): string | null {
  const certPath = join(dir, CERT_FILE);
  if (!existsSync(certPath) || !existsSync(join(dir, KEY_FILE))) return 'none yet';
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(readFileSync(certPath));
  } catch {
    return 'the kept one is unreadable';
  }
  if (Date.parse(cert.validTo) - now < RENEW_BEFORE_MS) return 'the kept one is about to expire';
  if (!sameNames(namesOf(cert), names)) return "the machine's names or addresses changed";
  return null;
}

function generate(dir: string, names: CertificateNames, openssl: string): void {
  const san = [...names.dns.map((n) => `DNS:${n}`), ...names.ips.map((ip) => `IP:${ip}`)].join(',');
  // Written beside the kept files, then renamed over them: an interrupted start never leaves half a pair.
  const newKey = join(dir, `${KEY_FILE}.new`);
  const newCert = join(dir, `${CERT_FILE}.new`);
  const result = spawnSync(
    openssl,
    [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
      '-keyout', newKey, '-out', newCert, '-days', String(VALID_DAYS),
      '-subj', '/CN=WebRTC playground (local)',
      '-addext', `subjectAltName=${san}`,
      '-addext', 'extendedKeyUsage=serverAuth',
    ],
    { encoding: 'utf8' },
  );
  if (result.error && (result.error as NodeJS.ErrnoException).code === 'ENOENT') {
    throw new CertificateError('HTTPS mode needs the openssl command to make its certificate: install it (sudo apt-get install -y openssl) and start again');
  }
  if (result.status !== 0) {
    const detail = (result.stderr || String(result.error ?? '')).trim().split('\n').pop();
    throw new CertificateError(`openssl could not make the HTTPS certificate: ${detail}`);
  }
  chmodSync(newKey, 0o600);
  renameSync(newKey, join(dir, KEY_FILE));
  renameSync(newCert, join(dir, CERT_FILE));
}

/** The certificate in `dir`, made (or made again) when needed. */
export function ensureCertificate(
  dir: string,
  names: CertificateNames,
  options: { now?: number; openssl?: string } = {},
): Certificate {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const reason = staleReason(dir, names, options.now ?? Date.now());
  if (reason !== null) {
    try {
      generate(dir, names, options.openssl ?? 'openssl');
    } finally {
      rmSync(join(dir, `${KEY_FILE}.new`), { force: true });
      rmSync(join(dir, `${CERT_FILE}.new`), { force: true });
    }
  }
  const certPath = join(dir, CERT_FILE);
  const cert = readFileSync(certPath, 'utf8');
  return {
    key: readFileSync(join(dir, KEY_FILE), 'utf8'),
    cert,
    certPath,
    fingerprint: new X509Certificate(cert).fingerprint256,
    created: reason !== null,
    reason,
  };
}
