/** The ports the end-to-end suite's own server listens on (not the default 4321/4322). */
export const E2E_PORT = 4391;
export const E2E_SANDBOX_PORT = 4392;
export const SITE_ORIGIN = `http://localhost:${E2E_PORT}`;

/** The suite's own coturn (TURN_PORT), apart from a developer's on 3478. */
export const E2E_TURN_PORT = 4393;
/**
 * The shared secret the suite's server gives coturn (TURN_SECRET), so the
 * expired-credential test can sign a username itself. Set once in the
 * Playwright main process; workers inherit it through the environment.
 */
export const E2E_TURN_SECRET = (process.env.E2E_TURN_SECRET ??= `e2e-${Math.random().toString(36).slice(2)}`);
