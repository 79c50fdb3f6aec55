/**
 * The sandbox origin: where run frames load from. It serves a run's files
 * (index.html with the runtime injected, scripts with the loop guard applied),
 * the runtime bundle and the vendored PeerJS, and nothing else.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express from 'express';
import { guardLoops } from '../sandbox/transform/loop-guard.ts';
import { contentTypeFor, isScript } from './content-types.ts';
import { runCsp } from './csp.ts';
import { frameConfigFor } from './frame-config.ts';
import { injectFrame, PEERJS_URL, RUNTIME_URL } from './inject.ts';
import { describeError, type Logger } from './log.ts';
import { requestHostUrl } from './origins.ts';
import { ENTRY_FILE } from './run-request.ts';
import type { RunStore } from './runs.ts';

export interface SandboxAppOptions {
  runs: RunStore;
  /** sandbox/dist: runtime.js and vendor/peerjs.js, built by sandbox/build.ts. */
  sandboxDist: string;
  /** The site's port as the browser sees it (read per request: known only after listen). */
  sitePort: () => number;
  log: Logger;
  /** The script transform; a parameter so tests can prove it is applied. */
  transform?: (source: string, file: string) => string;
}

function decodePath(raw: string): string | null {
  try {
    return raw.split('/').map(decodeURIComponent).join('/');
  } catch {
    return null;
  }
}

export function createSandboxApp(options: SandboxAppOptions): express.Express {
  const { runs, log } = options;
  const transform = options.transform ?? guardLoops;
  const app = express();
  app.disable('x-powered-by');
  app.disable('etag');
  app.use((_req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    next();
  });

  // /run/<id> → /run/<id>/ so the run's relative URLs ("main.js") resolve inside it.
  app.get(/^\/run\/([^/]+)$/, (req, res) => {
    res.redirect(301, `${req.path}/`);
  });

  app.get(/^\/run\/([^/]+)\/(.*)$/, (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    const [, id = '', rawFile = ''] = /^\/run\/([^/]+)\/(.*)$/.exec(req.path) ?? [];
    const file = decodePath(rawFile === '' ? ENTRY_FILE : rawFile);
    const run = runs.get(id);
    if (!run) {
      res.status(404).type('text/plain').send('This run is no longer available (runs expire after an hour). Press Run again.\n');
      return;
    }
    const text = file === null ? undefined : run.files.get(file);
    if (file === null || text === undefined) {
      res.status(404).type('text/plain').send(`This run has no file named ${JSON.stringify(file ?? rawFile)}.\n`);
      return;
    }
    const sandboxUrl = requestHostUrl(req);
    if (!sandboxUrl) {
      res.status(400).type('text/plain').send('Bad Host header\n');
      return;
    }
    const config = frameConfigFor(run.id, sandboxUrl, options.sitePort());
    res.setHeader('Content-Security-Policy', runCsp({ site: config.siteOrigin, sandbox: sandboxUrl.origin }));
    res.setHeader('Content-Type', contentTypeFor(file));
    if (file === ENTRY_FILE) {
      res.send(injectFrame(text, config));
    } else if (isScript(file)) {
      res.send(guarded(text, file));
    } else {
      res.send(text);
    }
  });

  /** The loop guard must never cost the learner their program: on failure serve it unguarded. */
  const guarded = (source: string, file: string): string => {
    try {
      return transform(source, file);
    } catch (error) {
      log.error(`loop guard failed on ${file}: ${describeError(error)}`);
      return source;
    }
  };

  app.use(
    express.static(options.sandboxDist, {
      index: false,
      cacheControl: false,
      setHeaders: (res) => res.setHeader('Cache-Control', 'no-cache'),
    }),
  );

  app.get([RUNTIME_URL, PEERJS_URL], (req, res) => {
    const missing = !existsSync(join(options.sandboxDist, req.path));
    res.status(missing ? 503 : 404).set('Cache-Control', 'no-store').type('text/plain');
    res.send(
      missing
        ? `${req.path} is not built: run \`node sandbox/build.ts\` (npm run build and npm start do it too).\n`
        : 'Not found\n',
    );
  });

  app.use((_req, res) => {
    res.status(404).type('text/plain').send('Not found\n');
  });
  return app;
}
