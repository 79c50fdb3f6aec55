import { describe, expect, it } from 'vitest';
import { http, startTestServer } from './helpers.ts';

describe('compression', () => {
  it('gzips pages and assets for browsers that accept it', async () => {
    const big = `console.log(${JSON.stringify('x'.repeat(20_000))});`;
    const server = await startTestServer({ site: { 'index.html': '<!doctype html><title>x</title>', '_astro/big.js': big } });
    try {
      const zipped = await http(server.ports.site, '/_astro/big.js', { headers: { 'accept-encoding': 'gzip' } });
      expect(zipped.headers['content-encoding']).toBe('gzip');
      const plain = await http(server.ports.site, '/_astro/big.js');
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.body).toBe(big);
    } finally {
      await server.stop();
    }
  });
});
