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
  return { sandboxPort: body.sandboxPort, peerjsPath: body.peerjsPath };
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
