/**
 * GET /api/config, fetched once per page and shared by every run. A failed
 * fetch is not cached, so the next Run tries again.
 */
import type { SiteConfig } from '../protocol.ts';

let cached: Promise<SiteConfig> | null = null;

export function getSiteConfig(signal?: AbortSignal): Promise<SiteConfig> {
  if (!cached) {
    cached = fetchSiteConfig(signal);
    cached.catch(() => {
      cached = null;
    });
  }
  return cached;
}

async function fetchSiteConfig(signal?: AbortSignal): Promise<SiteConfig> {
  const response = await fetch('/api/config', signal ? { signal } : {});
  if (!response.ok) throw new Error(`The playground server did not give its configuration (HTTP ${response.status}).`);
  const body: unknown = await response.json();
  if (!isSiteConfig(body)) throw new Error('The playground server sent a configuration this page does not understand.');
  const config: SiteConfig = { sandboxPort: body.sandboxPort, peerjsPath: body.peerjsPath };
  // Optional (HTTPS mode on the network only): kept when it is a list of strings, ignored otherwise.
  const { lanOrigins } = body as { lanOrigins?: unknown };
  if (Array.isArray(lanOrigins) && lanOrigins.every((origin) => typeof origin === 'string')) config.lanOrigins = lanOrigins;
  // Optional too: host name → host name, strings only.
  const { sandboxHosts } = body as { sandboxHosts?: unknown };
  if (typeof sandboxHosts === 'object' && sandboxHosts !== null && Object.values(sandboxHosts).every((name) => typeof name === 'string')) {
    config.sandboxHosts = { ...(sandboxHosts as Record<string, string>) };
  }
  return config;
}

export function isSiteConfig(value: unknown): value is SiteConfig {
  if (typeof value !== 'object' || value === null) return false;
  const { sandboxPort, peerjsPath } = value as Record<string, unknown>;
  return (
    Number.isInteger(sandboxPort) &&
    (sandboxPort as number) > 0 &&
    (sandboxPort as number) < 65536 &&
    typeof peerjsPath === 'string'
  );
}
