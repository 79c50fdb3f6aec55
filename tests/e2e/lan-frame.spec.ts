// HTTPS mode as a phone on the LAN reaches it: the page at one of this
// machine's own network addresses (never loopback, never another machine).
// The frame must land on another *site* than the page, so it gets its own
// renderer process, and a frame frozen by a loop the loop guard cannot see
// (code built at run time with `new Function`) must be removed by the page's
// watchdog with its message, while the page stays usable.
import { test, expect } from '@playwright/test';
import { networkInterfaces } from 'node:os';
import { HTTPS_PORT, HTTPS_SANDBOX_PORT, httpsCertDir, httpsReady, startHttps, stopHttps, type HttpsServer } from './support/https-server.ts';
import { readLessons } from './support/lessons.ts';
import { MODULE_PAGE, Workspace } from './support/workspace.ts';

/** This machine's first non-loopback IPv4 address, as a phone on the network would open it. */
function lanAddress(): string | undefined {
  for (const list of Object.values(networkInterfaces())) {
    for (const info of list ?? []) if (!info.internal && info.family === 'IPv4') return info.address;
  }
  return undefined;
}

const address = lanAddress();
const certs = httpsCertDir();
let server: HttpsServer | null = null;

test.afterAll(async () => {
  if (server) await stopHttps(server);
  certs.remove();
});

test('on a LAN address the frame is on another site, and a frozen frame is removed by the watchdog', async ({ browser }) => {
  test.skip(address === undefined, 'this machine has no network address besides loopback (the unit tests cover the origin choice)');
  test.setTimeout(120_000);
  server = startHttps(certs.dir);
  await httpsReady(server, certs.certPath);

  const lesson = readLessons()[0]!;
  // Chromium's Local Network Access asks before a page on a public address frames a local one. This
  // machine's test network is TEST-NET (192.0.2.0/24: "public") beside fd00::/8 ("local"); on a home
  // network both halves of a pair are local (192.168.x.x, fd…), and no permission is asked.
  const context = await browser.newContext({ ignoreHTTPSErrors: true, permissions: ['local-network-access', 'clipboard-read', 'clipboard-write'] });
  try {
    const page = await context.newPage();
    const pageOrigin = `https://${address}:${HTTPS_PORT}`;
    const workspace = await Workspace.open(page, { path: `${pageOrigin}${lesson.path}` });

    // The frame goes to another site than the page (an IP address is a site of its own).
    await workspace.setFiles({ 'index.html': MODULE_PAGE, 'main.js': "console.log('hello from the LAN frame');\n" });
    await workspace.run();
    await workspace.expectConsole('hello from the LAN frame');
    const src = (await workspace.preview.getAttribute('src')) ?? '';
    const frameHost = new URL(src).hostname;
    expect(new URL(src).port).toBe(String(HTTPS_SANDBOX_PORT));
    expect(frameHost, `the frame (${src}) is not on the page's site`).not.toBe(address);
    await workspace.stop();

    // A loop the transform cannot see: the frame stops answering; the page must notice.
    // (A click, not workspace.run(): its checks on the page can wait on the frozen frame in Playwright.)
    const program = ["console.log('freezing now');", "setTimeout(() => new Function('for (;;) {}')(), 1000);", ''].join('\n');
    await workspace.setFiles({ 'index.html': MODULE_PAGE, 'main.js': program });
    await workspace.runButton.click();
    await workspace.expectConsole('freezing now');
    // Frozen at ~1 s; the watchdog gives 5 s of silence, then removes the frame and says why.
    await workspace.expectConsole(/stopped responding for 5 seconds/, 15_000);
    await expect(workspace.preview).toHaveCount(0);
    await expect(workspace.runButton).toBeEnabled();
  } finally {
    await context.close();
  }
});
