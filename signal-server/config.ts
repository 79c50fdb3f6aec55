/**
 * The server's configuration, read from the environment and the command line.
 * Pure: it takes the env and argv it is given, so tests never touch process.env.
 * Every mistake becomes a ConfigError whose message names the variable and what
 * it must be, because the person reading it is about to fix exactly that.
 */

export type ServerMode = 'site' | 'api';

export interface Config {
  /** `site`: serve the built site too (npm start). `api`: only /api, /healthz, /peerjs (npm run dev, beside astro dev). */
  mode: ServerMode;
  /** Address the servers bind to. Loopback by default: run files are arbitrary HTML and must not be served to the network. */
  host: string;
  /** The port the browser opens (PORT). In site mode this process listens on it; in api mode astro dev does. */
  port: number;
  /** Where this process serves the site-origin endpoints: `port` in site mode, API_PORT in api mode. */
  apiPort: number;
  /** The sandbox origin's port (SANDBOX_PORT). */
  sandboxPort: number;
  /** coturn, when installed: its port (TURN_PORT), shared secret (TURN_SECRET; null = generate one) and credential lifetime (TURN_TTL s). */
  turn: TurnConfig;
  /** HTTPS mode (--https or HTTPS=1): both origins over TLS, so a phone on the LAN gets a secure context for its camera. */
  https: boolean;
  /** Where the self-signed certificate is kept (CERT_DIR); null = the default under the repository (start.ts). */
  certDir: string | null;
  /** Page origins trusted besides the site and the sandbox (ALLOWED_ORIGINS), e.g. a reverse proxy's. */
  allowedOrigins: string[];
  /** Connections one client address may hold at once, both origins together (MAX_CONNECTIONS_PER_CLIENT); 0 = no cap. */
  maxConnectionsPerClient: number;
}

export interface TurnConfig {
  port: number;
  secret: string | null;
  ttl: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export const DEFAULT_PORT = 4321;
export const DEFAULT_HOST = '127.0.0.1';
/**
 * In HTTPS mode the point is reaching the server from another device, so it
 * listens on every address, IPv6 and IPv4 alike: a page at the machine's IPv4
 * address puts its frame at the IPv6 one, another site (sandbox-hosts.ts).
 * Where IPv6 is missing, server.ts falls back to 0.0.0.0.
 */
export const DEFAULT_HTTPS_HOST = '::';
export const DEFAULT_TURN_PORT = 3478;
export const DEFAULT_TURN_TTL = 3600;
/**
 * A classroom behind one NAT is one address. A learner's tab holds up to 6
 * HTTP connections per origin (Chromium's limit, idle ones close after 5 s)
 * plus its WebSockets (a signaller socket per PeerJS peer: five in the mesh
 * lesson), so 10–20 each; 1000 leaves room for 40 learners with two tabs each.
 */
export const DEFAULT_MAX_CONNECTIONS_PER_CLIENT = 1000;

/** Command-line flags and the environment variable each one stands for. */
const FLAGS: Record<string, string> = {
  '--port': 'PORT',
  '--sandbox-port': 'SANDBOX_PORT',
  '--api-port': 'API_PORT',
  '--host': 'HOST',
};

/** Flags that take no value, and the environment variable each one sets to "1". */
const SWITCHES: Record<string, string> = {
  '--https': 'HTTPS',
};

/** Flags win over the environment: `npm start -- --port 4400` beats a PORT set in the shell. */
function readArgv(argv: readonly string[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const switchName = SWITCHES[arg];
    if (switchName) {
      values[switchName] = '1';
      continue;
    }
    const eq = arg.indexOf('=');
    const flag = eq === -1 ? arg : arg.slice(0, eq);
    const name = FLAGS[flag];
    if (!name) {
      const options = [...Object.keys(FLAGS), ...Object.keys(SWITCHES)].join(', ');
      throw new ConfigError(`Unknown option "${arg}": the options are ${options}`);
    }
    const value = eq === -1 ? argv[++i] : arg.slice(eq + 1);
    if (value === undefined || value === '') throw new ConfigError(`Option ${flag} needs a value, e.g. ${flag}=4400`);
    values[name] = value;
  }
  return values;
}

function parsePort(name: string, raw: string): number {
  const text = raw.trim();
  const port = /^\d{1,5}$/.test(text) ? Number(text) : NaN;
  if (!(port >= 0 && port <= 65535)) {
    throw new ConfigError(`${name} must be a port number from 0 to 65535, got "${raw}"`);
  }
  return port;
}

/** A port derived from PORT (PORT+1, PORT+2); 0 stays 0 so tests can ask for ephemeral ports throughout. */
function derivedPort(name: string, base: number, offset: number): number {
  if (base === 0) return 0;
  const port = base + offset;
  if (port > 65535) {
    throw new ConfigError(`PORT ${base} leaves no room for ${name} (PORT+${offset}): set ${name} or a lower PORT`);
  }
  return port;
}

export function parseConfig(
  env: Readonly<Record<string, string | undefined>>,
  argv: readonly string[] = [],
  mode: ServerMode = 'site',
): Config {
  const values: Record<string, string | undefined> = { ...env, ...readArgv(argv) };
  const given = (name: string): string | undefined => {
    const value = values[name];
    return value === undefined || value.trim() === '' ? undefined : value;
  };

  const portText = given('PORT');
  const port = portText === undefined ? DEFAULT_PORT : parsePort('PORT', portText);
  const sandboxText = given('SANDBOX_PORT');
  const sandboxPort = sandboxText === undefined ? derivedPort('SANDBOX_PORT', port, 1) : parsePort('SANDBOX_PORT', sandboxText);
  let apiPort = port;
  if (mode === 'api') {
    const apiText = given('API_PORT');
    apiPort = apiText === undefined ? derivedPort('API_PORT', port, 2) : parsePort('API_PORT', apiText);
  }

  const https = parseSwitch('HTTPS', given('HTTPS'));
  if (https && mode === 'api') {
    throw new ConfigError('HTTPS mode is for npm start (npm run dev serves plain HTTP): run npm start -- --https');
  }
  const host = (given('HOST') ?? (https ? DEFAULT_HTTPS_HOST : DEFAULT_HOST)).trim();
  if (/[\s/]/.test(host)) throw new ConfigError(`HOST must be a host name or IP address, got "${host}"`);

  const named: [string, number][] = [['PORT', port], ['SANDBOX_PORT', sandboxPort]];
  if (mode === 'api') named.push(['API_PORT', apiPort]);
  for (let i = 0; i < named.length; i++) {
    for (let j = i + 1; j < named.length; j++) {
      const [a, pa] = named[i]!;
      const [b, pb] = named[j]!;
      if (pa !== 0 && pa === pb) throw new ConfigError(`${b} (${pb}) must differ from ${a} (${pa})`);
    }
  }
  if (mode === 'api' && port === 0) {
    throw new ConfigError('PORT must be a real port in dev mode: astro dev listens on it and frames are told to reach it');
  }

  const certDir = given('CERT_DIR')?.trim() ?? null;
  const allowedOrigins = parseOrigins(given('ALLOWED_ORIGINS'));
  const maxText = given('MAX_CONNECTIONS_PER_CLIENT')?.trim();
  const maxConnectionsPerClient = maxText === undefined ? DEFAULT_MAX_CONNECTIONS_PER_CLIENT : /^\d{1,7}$/.test(maxText) ? Number(maxText) : NaN;
  if (!Number.isInteger(maxConnectionsPerClient)) {
    throw new ConfigError(`MAX_CONNECTIONS_PER_CLIENT must be a whole number of connections (0 = no cap), got "${maxText}"`);
  }
  return { mode, host, port, apiPort, sandboxPort, turn: parseTurn(given), https, certDir, allowedOrigins, maxConnectionsPerClient };
}

/** "https://a.example, http://localhost:8080" → the origins, each exactly as a browser sends it. */
function parseOrigins(raw: string | undefined): string[] {
  if (raw === undefined) return [];
  return raw
    .split(/[\s,]+/)
    .filter((item) => item !== '')
    .map((item) => {
      let url: URL | null = null;
      try {
        url = new URL(item);
      } catch {
        url = null;
      }
      if (url === null || !/^https?:$/.test(url.protocol) || url.origin !== item.replace(/\/$/, '')) {
        throw new ConfigError(`ALLOWED_ORIGINS must list origins such as https://example.org:8443 (scheme, host and port only), got "${item}"`);
      }
      return url.origin;
    });
}

function parseSwitch(name: string, raw: string | undefined): boolean {
  if (raw === undefined) return false;
  const text = raw.trim().toLowerCase();
  if (text === '1' || text === 'true' || text === 'yes') return true;
  if (text === '0' || text === 'false' || text === 'no') return false;
  throw new ConfigError(`${name} must be 1 or 0 (true or false), got "${raw}"`);
}

function parseTurn(given: (name: string) => string | undefined): TurnConfig {
  const portText = given('TURN_PORT');
  const port = portText === undefined ? DEFAULT_TURN_PORT : parsePort('TURN_PORT', portText);
  if (port === 0) throw new ConfigError('TURN_PORT must be a real port (browsers are told it), e.g. TURN_PORT=3478');
  const secret = given('TURN_SECRET') ?? null;
  // coturn reads its config file line by line: a newline would end the secret early.
  if (secret !== null && /[\r\n]/.test(secret)) throw new ConfigError('TURN_SECRET must be one line');
  const ttlText = given('TURN_TTL')?.trim();
  const ttl = ttlText === undefined ? DEFAULT_TURN_TTL : /^\d{1,7}$/.test(ttlText) ? Number(ttlText) : NaN;
  if (!(ttl >= 60 && ttl <= 7 * 24 * 3600)) {
    throw new ConfigError(`TURN_TTL must be the credentials' lifetime in seconds, from 60 to 604800, got "${ttlText}"`);
  }
  return { port, secret, ttl };
}
