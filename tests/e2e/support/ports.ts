/**
 * The ports the end-to-end suite's own server listens on (not the default
 * 4321/4322). E2E_PORT moves the whole block (site, +1 sandbox, +2 TURN, and
 * the specs that start servers of their own beside it), so two checkouts can
 * run their suites side by side on one machine.
 */
function basePort(): number {
  const raw = process.env.E2E_PORT;
  if (raw === undefined || raw.trim() === '') return 4391;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1024 || port > 65_000) throw new Error(`E2E_PORT must be a port number from 1024 to 65000, got ${JSON.stringify(raw)}`);
  return port;
}

export const E2E_PORT = basePort();
export const E2E_SANDBOX_PORT = E2E_PORT + 1;
export const SITE_ORIGIN = `http://localhost:${E2E_PORT}`;

/** The suite's own coturn (TURN_PORT), apart from a developer's on 3478. */
export const E2E_TURN_PORT = E2E_PORT + 2;
/**
 * The shared secret the suite's server gives coturn (TURN_SECRET), so the
 * expired-credential test can sign a username itself. Set once in the
 * Playwright main process; workers inherit it through the environment.
 */
export const E2E_TURN_SECRET = (process.env.E2E_TURN_SECRET ??= `e2e-${Math.random().toString(36).slice(2)}`);
