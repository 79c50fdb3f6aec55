// Stop closes every connection the learner's code opened: a peer the test
// owns (a second browser context running the playground too) sees its data
// connection close when the learner presses Stop.
import { test, expect } from '@playwright/test';
import { readLessons } from './support/lessons.ts';
import { MODULE_PAGE, Workspace } from './support/workspace.ts';
import { SITE_ORIGIN } from './support/ports.ts';

const lessons = readLessons();

test('Stop closes the learner’s connections: the remote peer sees the close', async ({ page, browser }) => {
  const remoteId = `e2e-remote-${Math.random().toString(36).slice(2, 10)}`;

  // The remote peer lives in its own context (own storage), driven through the playground like any learner's code.
  const remoteContext = await browser.newContext({
    baseURL: SITE_ORIGIN,
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  try {
    const remote = await Workspace.open(await remoteContext.newPage(), lessons[lessons.length - 1]!);
    await remote.setFiles({
      'index.html': MODULE_PAGE,
      'main.js': [
        `const peer = new Peer('${remoteId}');`,
        "peer.on('open', (id) => console.log('remote ready as', id));",
        "peer.on('connection', (conn) => {",
        "  conn.on('data', (data) => console.log('remote received:', data));",
        "  conn.on('close', () => console.log('remote saw the connection close'));",
        '});',
        '',
      ].join('\n'),
    });
    await remote.run();
    await remote.expectConsole(`remote ready as ${remoteId}`);

    const learner = await Workspace.open(page, lessons[0]!);
    await learner.setFiles({
      'index.html': MODULE_PAGE,
      'main.js': [
        'const peer = new Peer();',
        "peer.on('open', () => {",
        `  const conn = peer.connect('${remoteId}');`,
        "  conn.on('open', () => {",
        "    conn.send('hello from the learner');",
        "    console.log('learner connected');",
        '  });',
        '});',
        '',
      ].join('\n'),
    });
    await learner.run();
    await learner.expectConsole('learner connected', 20_000);
    await remote.expectConsole('remote received: hello from the learner');
    expect(await remote.consoleText()).not.toContain('remote saw the connection close');

    await learner.stop();
    await expect(learner.preview, 'Stop removes the frame').toHaveCount(0);
    // The runtime answered Stop itself (closing what it opened), rather than the host giving up on it.
    await learner.expectConsole(/^Stopped\.$/m);
    await remote.expectConsole('remote saw the connection close', 15_000);
    // The remote run itself is untouched by the learner's Stop.
    await expect(remote.stopButton).toBeEnabled();
  } finally {
    await remoteContext.close();
  }
});

test('Stop is disabled until something runs; every Run gets a fresh frame', async ({ page }) => {
  const workspace = await Workspace.open(page, lessons[0]!);
  await expect(workspace.stopButton).toBeDisabled();
  await workspace.setFiles({ 'index.html': MODULE_PAGE, 'main.js': "console.log('run number one');\n" });
  await workspace.run();
  await workspace.expectConsole('run number one');
  const first = await workspace.preview.getAttribute('src');
  await workspace.stop();
  await expect(workspace.preview).toHaveCount(0);

  await workspace.setFile('main.js', "console.log('run number two');\n");
  await workspace.run();
  await workspace.expectConsole('run number two');
  const second = await workspace.preview.getAttribute('src');

  // Run while running replaces the run: still exactly one frame, a new one.
  await workspace.setFile('main.js', "console.log('run number three');\n");
  await workspace.run();
  await workspace.expectConsole('run number three');
  await expect(workspace.preview).toHaveCount(1);
  const third = await workspace.preview.getAttribute('src');
  expect(new Set([first, second, third]).size, 'three runs, three frames').toBe(3);
});
