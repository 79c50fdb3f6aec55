import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { inlineScriptHashes, sitePolicy } from '../../../signal-server/site-csp.ts';
import { http, startTestServer } from './helpers.ts';

const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('inlineScriptHashes', () => {
  it('hashes the inline scripts the browser runs, exactly as written, and nothing else', () => {
    const html = [
      '<script>console.log(1)</script>',
      '<script type="module">\n  import "/x.js";\n</script>',
      '<script aria-hidden="true">theme()</script>',
      '<script src="/_astro/a.js"></script>',
      '<script type="module" src="/_astro/b.js"></script>',
      '<script type="application/json" data-lesson>{"a":1}</script>',
      '<SCRIPT>console.log(1)</SCRIPT>',
    ].join('');
    expect(inlineScriptHashes(html)).toEqual([sha('console.log(1)'), sha('\n  import "/x.js";\n'), sha('theme()')]);
  });

  it('gives a policy that allows only our scripts and frames only the sandbox', () => {
    const policy = sitePolicy({ scriptHashes: ["'sha256-abc'"], sandboxOrigin: 'http://127.0.0.1:4322' });
    expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval' 'sha256-abc'");
    expect(policy).toContain('frame-src http://127.0.0.1:4322');
    expect(policy).toContain("frame-ancestors 'self'");
    expect(policy).not.toMatch(/'unsafe-eval'|https?:\/\/(?!127\.0\.0\.1:4322)/);
  });
});

describe('the site server', () => {
  it('sends each page its own policy, with the sandbox origin for the host it was asked on', async () => {
    const page = '<!doctype html><title>x</title><script>boot()</script><h1>x</h1>';
    const server = await startTestServer({ site: { 'index.html': page, '404.html': '<title>404</title><script>lost()</script>', '_astro/a.js': '1' } });
    try {
      const home = await http(server.ports.site, '/', { host: `localhost:${server.ports.site}` });
      const policy = String(home.headers['content-security-policy']);
      expect(policy).toContain(sha('boot()'));
      expect(policy).toContain(`frame-src http://127.0.0.1:${server.ports.sandbox}`);
      const viaLoopback = await http(server.ports.site, '/');
      expect(String(viaLoopback.headers['content-security-policy'])).toContain(`frame-src http://localhost:${server.ports.sandbox}`);
      const missing = await http(server.ports.site, '/nowhere');
      expect(missing.status).toBe(404);
      expect(String(missing.headers['content-security-policy'])).toContain(sha('lost()'));
      const asset = await http(server.ports.site, '/_astro/a.js');
      expect(asset.headers['content-security-policy']).toBeUndefined();
    } finally {
      await server.stop();
    }
  });
});
