/**
 * Serves the built site (site/dist). Astro puts content-hashed assets under
 * /_astro/, which may be cached forever; everything else (HTML, Pagefind's
 * index, public files) is revalidated on every load so a rebuild shows at once.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import compression from 'compression';
import express from 'express';
import { sandboxOriginFor, type SandboxHostPairs } from '../sandbox/protocol.ts';
import { perFileContent } from './content-version.ts';
import { requestHostUrl } from './origins.ts';
import { inlineScriptHashes, sitePolicy } from './site-csp.ts';

export interface SiteState {
  /** True while `npm start` is rebuilding the site: pages answer 503 until it is done. */
  building: boolean;
}

const IMMUTABLE = 'public, max-age=31536000, immutable';

export function staticSite(
  siteDist: string,
  state: SiteState,
  sandboxPort: () => number,
  sandboxHosts: () => SandboxHostPairs = () => ({}),
): express.Router {
  const router = express.Router();
  const hashedDir = join(siteDist, '_astro') + sep;
  // Each built page's inline-script hashes, kept until a rebuild changes the file.
  const scriptHashes = perFileContent((path) => inlineScriptHashes(readFileSync(path, 'utf8')));
  const setPolicy = (req: express.Request, res: express.Response, path: string) => {
    if (!path.endsWith('.html')) return;
    const host = requestHostUrl(req) ?? new URL('http://localhost');
    res.setHeader('Content-Security-Policy', sitePolicy({ scriptHashes: scriptHashes(path), sandboxOrigin: sandboxOriginFor(host, sandboxPort(), sandboxHosts()) }));
  };

  router.use((_req, res, next) => {
    if (!state.building) return next();
    res.status(503).set({ 'Retry-After': '2', 'Cache-Control': 'no-store' }).type('text/plain');
    res.send('The site is being built; reload in a few seconds.\n');
  });

  // Monaco's chunks are megabytes of JavaScript: brotli or gzip turns them into a fraction.
  router.use(compression());
  router.use(
    express.static(siteDist, {
      cacheControl: false,
      // Both Astro build formats: /lessons/x/ → lessons/x/index.html and /lessons/x → lessons/x.html.
      extensions: ['html'],
      setHeaders(res, path) {
        res.setHeader('Cache-Control', path.startsWith(hashedDir) ? IMMUTABLE : 'no-cache');
        setPolicy(res.req, res as express.Response, path);
      },
    }),
  );

  // Nothing matched: the site's own 404 page when it has one.
  router.use((req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    if (!existsSync(join(siteDist, 'index.html'))) {
      res.status(503).type('text/plain').send('The site is not built yet: run `npm run build` (npm start does it for you).\n');
      return;
    }
    const notFound = join(siteDist, '404.html');
    if ((req.method === 'GET' || req.method === 'HEAD') && existsSync(notFound)) {
      setPolicy(req, res, notFound);
      res.status(404).sendFile(notFound);
      return;
    }
    res.status(404).type('text/plain').send('Not found\n');
  });
  return router;
}
