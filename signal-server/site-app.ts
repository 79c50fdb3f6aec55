/**
 * The site origin: /healthz, /api/config, /api/runs, the PeerJS signaller at
 * /peerjs and, in site mode, the built site itself.
 */
import express from 'express';
import { bodyBudget, DEFAULT_BODY_BUDGET } from './body-budget.ts';
import type { CreateRunResponse, SandboxHostPairs, SiteConfig } from '../sandbox/protocol.ts';
import { PEERJS_PATH } from './frame-config.ts';
import type { IceServerSource } from './ice-servers.ts';
import { describeError, type Logger } from './log.ts';
import type { Metrics } from './metrics.ts';
import type { Signaller } from './peer-server.ts';
import { notFromOurPage, requestHostUrl, type Trust } from './origins.ts';
import type { PollingRooms } from './rooms-http.ts';
import { DEFAULT_RUN_LIMITS, parseRunRequest, RunRequestError, type RunLimits } from './run-request.ts';
import type { RunStore } from './runs.ts';
import { staticSite, type SiteState } from './static-site.ts';

export interface SiteAppOptions {
  /** The built site to serve, or null in api mode (astro dev serves pages). */
  siteDist: string | null;
  siteState: SiteState;
  runs: RunStore;
  runLimits?: RunLimits;
  signaller: Signaller;
  /** Read per request: the sandbox port is known only once it listens. */
  sandboxPort: () => number;
  /** The site and sandbox ports as the browser sees them (for the Origin checks). */
  ports: () => Trust;
  iceServers: IceServerSource;
  pollingRooms: PollingRooms;
  /** The site's origins on the network for other devices (lan-origins.ts); none when absent. */
  lanOrigins?: () => string[];
  /** This machine's paired addresses (sandbox-hosts.ts): the page needs them to place its frame. */
  sandboxHosts?: () => SandboxHostPairs;
  metrics: Metrics;
  startedAt: number;
  log: Logger;
}

/** JSON is several percent bigger than the text it carries; the file limits themselves are checked after parsing. */
function bodyLimit(limits: RunLimits): number {
  return limits.maxRunBytes * 2 + 64 * 1024;
}

export function createSiteApp(options: SiteAppOptions): express.Express {
  const { runs, log } = options;
  const limits = options.runLimits ?? DEFAULT_RUN_LIMITS;
  const app = express();
  app.disable('x-powered-by');
  app.use((_req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    // Nothing of ours reads a Referer, and which lesson a learner is on is nobody else's business.
    res.setHeader('Referrer-Policy', 'no-referrer');
    next();
  });
  app.use(bodyBudget({ ...DEFAULT_BODY_BUDGET, maxBody: bodyLimit(limits) }));

  app.get('/healthz', (_req, res) => {
    const building = options.siteState.building;
    res.status(building ? 503 : 200).set('Cache-Control', 'no-store').json({
      status: building ? 'building' : 'ok',
      uptime: Math.round((Date.now() - options.startedAt) / 1000),
      peers: options.signaller.peerCount(),
      runs: runs.size,
    });
  });

  // For Prometheus and friends: tools, not pages, so no CORS header is ever sent.
  app.get('/metrics', async (_req, res) => {
    const { contentType, body } = await options.metrics.render();
    res.set('Cache-Control', 'no-store').type(contentType).send(body);
  });

  app.use('/api', (_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });

  app.get('/api/config', (_req, res) => {
    const config: SiteConfig = { sandboxPort: options.sandboxPort(), peerjsPath: PEERJS_PATH };
    const lan = options.lanOrigins?.() ?? [];
    if (lan.length > 0) config.lanOrigins = lan;
    const pairs = options.sandboxHosts?.() ?? {};
    if (Object.keys(pairs).length > 0) config.sandboxHosts = { ...pairs };
    res.json(config);
  });

  /**
   * TURN credentials and runs (whose page carries credentials, frame-config.ts)
   * are only for our pages: a browser sends Origin with every POST and every
   * cross-origin fetch. A tool can forge it: turn-policy.ts is the real defence.
   */
  const ownPagesOnly =
    (refusal: string): express.RequestHandler =>
    (req, res, next) => {
      const why = notFromOurPage(req, options.ports());
      if (why === null) return next();
      res.status(403).json({ error: `${refusal}: ${why}` });
    };

  // Lessons fetch this from the run frame (sandbox origin): CORS for our own origins only.
  app.get('/api/ice-servers', ownPagesOnly("ICE servers are only for the playground's own pages"), (req, res) => {
    res.setHeader('Access-Control-Allow-Origin', req.headers.origin!);
    res.setHeader('Vary', 'Origin');
    res.json(options.iceServers.forHost(requestHostUrl(req)?.hostname ?? '127.0.0.1'));
  });

  app.post('/api/runs', ownPagesOnly("Runs are created only by the playground's own pages"), express.json({ limit: bodyLimit(limits) }), (req, res) => {
    // express.json leaves the body undefined for other content types. Insisting
    // on JSON also means another web site cannot create runs from a learner's
    // browser: a cross-origin JSON POST needs a preflight we never grant.
    if (!req.is('application/json')) {
      res.status(415).json({ error: 'Send the run as JSON (Content-Type: application/json)' });
      return;
    }
    const files = parseRunRequest(req.body, limits);
    const run = runs.create(files);
    const body: CreateRunResponse = { id: run.id, path: `/run/${run.id}/` };
    res.status(201).json(body);
  });

  app.use('/api', (_req, res) => {
    res.status(404).json({ error: 'No such API endpoint' });
  });

  options.signaller.mount(app);
  app.use(options.pollingRooms.router);

  if (options.siteDist !== null) app.use(staticSite(options.siteDist, options.siteState, options.sandboxPort, options.sandboxHosts));

  // Errors: a clear JSON message for the API's callers, one log line for us when it is our fault.
  app.use((error: unknown, req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (res.headersSent) return next(error);
    const status = errorStatus(error);
    if (status >= 500) log.error(`${req.method} ${req.path} failed: ${describeError(error)}`);
    res.status(status).json({ error: errorMessage(error, status, limits) });
  });
  return app;
}

function errorStatus(error: unknown): number {
  if (error instanceof RunRequestError) return error.status;
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' && status >= 400 && status < 600 ? status : 500;
}

function errorMessage(error: unknown, status: number, limits: RunLimits): string {
  if (error instanceof RunRequestError) return error.message;
  const type = (error as { type?: unknown } | null)?.type;
  if (type === 'entity.too.large') {
    return `The run is too large: its files may total at most ${Math.round(limits.maxRunBytes / 1024)} KiB`;
  }
  if (type === 'entity.parse.failed') return `The request body is not valid JSON: ${describeError(error)}`;
  if (status < 500 && error instanceof Error) return error.message;
  return 'Internal server error';
}
