/** The ports the end-to-end suite's own server listens on (not the default 4321/4322). */
export const E2E_PORT = 4391;
export const E2E_SANDBOX_PORT = 4392;
export const SITE_ORIGIN = `http://localhost:${E2E_PORT}`;
