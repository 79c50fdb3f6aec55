/**
 * The sandbox origin: where run frames load from. It serves a run's files
 * (index.html with the runtime injected, scripts with the loop guard applied),
 * the runtime bundle and the vendored PeerJS, and nothing else.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express from 'express';
import type { SandboxHostPairs } from '../sandbox/protocol.ts';
import { contentTypeFor, isScript } from './content-types.ts';
import { runCsp } from './csp.ts';
import { frameConfigFor } from './frame-config.ts';
import type { IceServerSource } from './ice-servers.ts';
import { injectFrame, PEERJS_URL, RUNTIME_URL, type DistVersions } from './inject.ts';
import { contentVersion } from './content-version.ts';
import { describeError, type Logger } from './log.ts';
import type { LoopGuardService } from './loop-guard-service.ts';
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
  /** The frame's default ICE servers (our coturn); none when absent. */
  iceServers?: IceServerSource;
  /** This machine's paired addresses (sandbox-hosts.ts), to work out the page's origin from the frame's. */
  sandboxHosts?: () => SandboxHostPairs;
  /** Applies the loop guard to scripts and to index.html's inline scripts, off the main thread. */
  loopGuard: LoopGuardService;
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
  const { loopGuard } = options;
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

  app.get(/^\/run\/([^/]+)\/(.*)$/, async (req, res) => {
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
    const pairs = options.sandboxHosts?.() ?? {};
    // Credentials are minted only for the page itself, not for every script it loads. A frame
    // at a paired IPv6 address is given its page's IPv4 address for TURN: coturn listens on IPv4.
    const partner = pairs[sandboxUrl.hostname];
    const iceName = sandboxUrl.hostname.startsWith('[') && partner !== undefined ? partner : sandboxUrl.hostname;
    const ice = file === ENTRY_FILE ? (options.iceServers?.forHost(iceName).iceServers ?? []) : [];
    const config = frameConfigFor(run.id, sandboxUrl, options.sitePort(), ice, pairs);
    res.setHeader('Content-Security-Policy', runCsp({ site: config.siteOrigin, sandbox: sandboxUrl.origin }));
    res.setHeader('Content-Type', contentTypeFor(file));
    if (file === ENTRY_FILE) {
      res.send(injectFrame(await loopGuard.guard('html', text, file), config, distVersions()));
    } else if (isScript(file)) {
      res.send(await loopGuard.guard('script', text, file));
    } else {
      res.send(text);
    }
  });

  const distVersions = (): DistVersions | undefined => {
    const runtime = join(options.sandboxDist, 'runtime.js');
    const peerjs = join(options.sandboxDist, 'peerjs.js');
    if (!existsSync(runtime) || !existsSync(peerjs)) return undefined;
    return { runtime: contentVersion(runtime), peerjs: contentVersion(peerjs) };
  };

  // The built runtime (runtime.js, its map and legal notices) and the `peerjs`
  // module, which the build writes as peerjs.js and the import map calls /vendor/peerjs.js.
  const distFiles: Record<string, string> = { [RUNTIME_URL]: 'runtime.js', [PEERJS_URL]: 'peerjs.js' };
  app.get(/^\/(?:runtime\.js|runtime\.js\.map|runtime\.js\.LEGAL\.txt|vendor\/peerjs\.js)$/, (req, res) => {
    const file = join(options.sandboxDist, distFiles[req.path] ?? req.path.slice(1));
    // A URL naming the current content version never changes: a rebuild gives a new URL.
    const current = existsSync(file) && req.query['v'] !== undefined && req.query['v'] === contentVersion(file);
    res.setHeader('Cache-Control', current ? 'public, max-age=31536000, immutable' : 'no-cache');
    if (existsSync(file)) {
      res.sendFile(file, { cacheControl: false });
    } else if (req.path in distFiles) {
      res.status(503).type('text/plain');
      res.send(`${req.path} is not built: run \`node sandbox/build.ts\` (npm run build and npm start do it too).\n`);
    } else {
      res.status(404).type('text/plain').send('Not found\n');
    }
  });

  app.use((_req, res) => {
    res.status(404).type('text/plain').send('Not found\n');
  });

  // Express's own error page would show a stack trace; a malformed URL gets a line.
  app.use((error: unknown, req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (res.headersSent) return next(error);
    const status = (error as { status?: unknown } | null)?.status;
    const clientError = typeof status === 'number' && status >= 400 && status < 500;
    if (!clientError) log.error(`${req.method} ${req.path} failed: ${describeError(error)}`);
    res.status(clientError ? status : 500).type('text/plain').send(clientError ? 'Bad request\n' : 'Internal server error\n');
  });
  return app;
}
