/**
 * Ctrl+C and SIGTERM (Playwright, CI) stop the process cleanly: the cleanup
 * runs once, and the process exits 0 even if cleanup hangs. A second Ctrl+C
 * exits at once, for the impatient.
 */
export function onShutdown(cleanup: () => Promise<void>, graceMs = 3000): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(130);
    stopping = true;
    const timer = setTimeout(() => {
      console.error(`Cleanup did not finish within ${graceMs} ms after ${signal}; exiting anyway.`);
      process.exit(0);
    }, graceMs);
    timer.unref();
    cleanup().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`Cleanup failed after ${signal}: ${String(error)}`);
        process.exit(0);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
