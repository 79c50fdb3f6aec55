import { X509Certificate, createPrivateKey } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import type { NetworkInterfaceInfo } from 'node:os';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CERT_FILE,
  CertificateError,
  KEY_FILE,
  certificateNames,
  ensureCertificate,
  namesOf,
} from '../../../signal-server/certificate.ts';

const iface = (address: string, internal = false): NetworkInterfaceInfo =>
  ({ address, internal, family: address.includes(':') ? 'IPv6' : 'IPv4', netmask: '', mac: '', cidr: null }) as NetworkInterfaceInfo;

const INTERFACES = {
  lo: [iface('127.0.0.1', true), iface('::1', true)],
  wlan0: [iface('192.168.1.23'), iface('fe80::1234'), iface('2001:db8::7')],
};

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'playground-cert-'));
  dirs.push(dir);
  return join(dir, 'certs');
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('certificateNames', () => {
  it('covers loopback, the host name and its .local form, and every non-link-local address', () => {
    expect(certificateNames(INTERFACES, 'Laptop')).toEqual({
      dns: ['laptop', 'laptop.local', 'localhost'],
      ips: ['127.0.0.1', '192.168.1.23', '2001:db8::7', '::1'],
    });
  });

  it('leaves out a host name that is not a DNS name', () => {
    expect(certificateNames({}, 'my laptop').dns).toEqual(['localhost']);
  });
});

describe('ensureCertificate', () => {
  const names = certificateNames(INTERFACES, 'laptop');

  it('makes a certificate whose subjectAltName lists every name, with a private key file', () => {
    const dir = tempDir();
    const made = ensureCertificate(dir, names);
    expect(made.created).toBe(true);
    const cert = new X509Certificate(readFileSync(join(dir, CERT_FILE)));
    expect(namesOf(cert)).toEqual(names);
    expect(cert.checkHost('localhost')).toBe('localhost');
    expect(cert.checkIP('192.168.1.23')).toBe('192.168.1.23');
    expect(cert.checkHost('example.org')).toBeUndefined();
    expect(made.fingerprint).toBe(cert.fingerprint256);
    expect(statSync(join(dir, KEY_FILE)).mode & 0o777).toBe(0o600);
    // The key on disk belongs to the certificate on disk.
    expect(cert.checkPrivateKey(createPrivateKey(readFileSync(join(dir, KEY_FILE))))).toBe(true);
  });

  it('reuses the kept certificate on the next start: same files, same fingerprint', () => {
    const dir = tempDir();
    const first = ensureCertificate(dir, names);
    const second = ensureCertificate(dir, names);
    expect(second.created).toBe(false);
    expect(second.fingerprint).toBe(first.fingerprint);
    expect(second.key).toBe(first.key);
  });

  it('makes a new one when the addresses change or it nears expiry', () => {
    const dir = tempDir();
    const first = ensureCertificate(dir, names);
    const moved = { ...names, ips: [...names.ips.filter((ip) => ip !== '192.168.1.23'), '10.0.0.5'] };
    const second = ensureCertificate(dir, moved);
    expect(second.created).toBe(true);
    expect(second.reason).toContain('changed');
    expect(second.fingerprint).not.toBe(first.fingerprint);
    const later = ensureCertificate(dir, moved, { now: Date.now() + 340 * 24 * 3600 * 1000 });
    expect(later.reason).toContain('expire');
    expect(later.fingerprint).not.toBe(second.fingerprint);
  });

  it('says in one line what to install when openssl is missing, and leaves no files behind', () => {
    const dir = tempDir();
    let caught: unknown;
    try {
      ensureCertificate(dir, names, { openssl: '/nonexistent/openssl' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CertificateError);
    expect((caught as Error).message).toMatch(/^HTTPS mode needs the openssl command .*apt-get install -y openssl/);
    expect((caught as Error).message).not.toContain('\n');
  });
});
