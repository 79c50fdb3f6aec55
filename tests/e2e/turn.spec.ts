// Our coturn, for real: the server starts it (TURN_PORT and TURN_SECRET come
// from the webServer env in playwright.config.ts), a lesson's code fetches
// /api/ice-servers and connects two peers relay-only through it; a wrong
// password and an expired credential are refused, and the learner sees why in
// the console and in the Inspector's Doctor.
import { createHmac } from 'node:crypto';
import { test, expect } from '@playwright/test';
import { findOnPath } from '../../signal-server/turn.ts';
import { Inspector } from './support/inspector.ts';
import { readLessons } from './support/lessons.ts';
import { E2E_TURN_SECRET, SITE_ORIGIN } from './support/ports.ts';
import { Workspace } from './support/workspace.ts';

test.skip(findOnPath('turnserver') === null, 'coturn is not installed (sudo apt-get install -y coturn); .ci/run installs it');

const INDEX = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>TURN</title></head>
<body><h1>Relay-only</h1><script type="module" src="main.js"></script></body></html>
`;

/**
 * Learner code: two peers in the page with iceTransportPolicy 'relay'. It logs
 * every icecandidateerror, how many relay candidates were gathered, and, once
 * the data channel opens, the selected pair's local candidate type.
 * `servers` is an expression for the iceServers to use.
 */
function relayProgram(servers: string): string {
  return `const { iceServers: fetched } = await (await fetch(playground.siteOrigin + '/api/ice-servers')).json();
const iceServers = ${servers};
console.log('TURN urls:', iceServers.flatMap((s) => s.urls).join(' '));
const config = { iceServers, iceTransportPolicy: 'relay' };
const pc1 = new RTCPeerConnection(config);
const pc2 = new RTCPeerConnection(config);
let relays = 0;
for (const [pc, other] of [[pc1, pc2], [pc2, pc1]]) {
  pc.onicecandidate = (e) => {
    if (e.candidate) {
      if (e.candidate.type === 'relay') relays++;
      other.addIceCandidate(e.candidate);
    } else if (pc === pc1) {
      console.log('RELAY CANDIDATES ' + relays);
    }
  };
  pc.onicecandidateerror = (e) => console.log('ICE ERROR ' + e.errorCode + ' ' + e.url + ' ' + e.errorText);
}
const started = performance.now();
const channel = pc1.createDataChannel('chat');
pc2.ondatachannel = (e) => (e.channel.onmessage = (m) => console.log('pc2 got: ' + m.data));
channel.onopen = async () => {
  const ms = Math.round(performance.now() - started);
  channel.send('hello through coturn');
  const stats = await pc1.getStats();
  let pair;
  stats.forEach((r) => { if (r.type === 'transport' && r.selectedCandidatePairId) pair = stats.get(r.selectedCandidatePairId); });
  const local = pair && stats.get(pair.localCandidateId);
  console.log('CONNECTED in ' + ms + ' ms; selected local candidate type: ' + (local ? local.candidateType : 'none'));
};
await pc1.setLocalDescription();
await pc2.setRemoteDescription(pc1.localDescription);
await pc2.setLocalDescription();
await pc1.setRemoteDescription(pc2.localDescription);
`;
}

async function openWorkspace(page: import('@playwright/test').Page): Promise<Workspace> {
  const lesson = readLessons()[0];
  if (!lesson) throw new Error('no lesson to open');
  return Workspace.open(page, lesson);
}

test.describe('STUN/TURN through our coturn', () => {
  test.setTimeout(90_000);

  test('the server offers its coturn with a time-limited credential, to our pages only', async ({ request }) => {
    const refused = await request.get('/api/ice-servers');
    expect(refused.status(), 'no Origin: not one of our pages').toBe(403);
    expect((await refused.json()).error).toMatch(/no Origin header/);
    const body = await (await request.get('/api/ice-servers', { headers: { origin: SITE_ORIGIN } })).json();
    expect(body.iceServers, 'coturn did not start: see the server log').toHaveLength(2);
    const turn = body.iceServers[1];
    expect(turn.urls).toEqual([expect.stringMatching(/^turn:127\.0\.0\.1:\d+\?transport=udp$/), expect.stringMatching(/\?transport=tcp$/)]);
    expect(turn.credential).toBe(createHmac('sha1', E2E_TURN_SECRET).update(turn.username).digest('base64'));
  });

  test('relay-only peers connect, and the selected pair is a relay candidate', async ({ page }) => {
    const workspace = await openWorkspace(page);
    await workspace.setFiles({ 'index.html': INDEX, 'main.js': relayProgram('fetched') });
    await workspace.run();
    await workspace.expectConsole(/CONNECTED in \d+ ms; selected local candidate type: relay/, 20_000);
    await workspace.expectConsole('pc2 got: hello through coturn');
    const text = await workspace.consoleText();
    expect(text).not.toContain('ICE ERROR');
    console.log(/CONNECTED in \d+ ms/.exec(text)?.[0]);

    const ice = await new Inspector(page).show('ICE');
    const selected = ice.getByRole('table', { name: /^Candidate pairs of pc 1/ }).getByRole('row').filter({ hasText: 'selected (in use)' });
    await expect(selected).toHaveCount(1, { timeout: 15_000 });
    await expect(selected).toContainText('relay');
  });

  test('a wrong password: 401 in the console and in the Doctor', async ({ page }) => {
    const workspace = await openWorkspace(page);
    const wrong = "fetched.map((s) => (s.credential ? { ...s, credential: 'not-the-password' } : s))";
    await workspace.setFiles({ 'index.html': INDEX, 'main.js': relayProgram(wrong) });
    await workspace.run();
    await workspace.expectConsole(/ICE ERROR 401 turn:127\.0\.0\.1:\d+\?transport=(udp|tcp)/, 20_000);
    // Gathering ends only once every TURN attempt has given up.
    await workspace.expectConsole('RELAY CANDIDATES 0', 30_000);

    const doctor = await new Inspector(page).show('Doctor');
    await expect(
      doctor.getByRole('list', { name: 'Findings' }).getByRole('heading', { name: /the TURN server refused the credentials \(401\)/ }).first(),
    ).toBeVisible();
  });

  test('an expired credential (right HMAC, past expiry) is refused', async ({ page }) => {
    const username = `${Math.floor(Date.now() / 1000) - 60}:playground`;
    const credential = createHmac('sha1', E2E_TURN_SECRET).update(username).digest('base64');
    const workspace = await openWorkspace(page);
    const expired = `fetched.map((s) => (s.credential ? { ...s, username: ${JSON.stringify(username)}, credential: ${JSON.stringify(credential)} } : s))`;
    await workspace.setFiles({ 'index.html': INDEX, 'main.js': relayProgram(expired) });
    await workspace.run();
    // coturn answers an expired username as it answers a wrong password.
    await workspace.expectConsole(/ICE ERROR 401 turn:/, 20_000);
    await workspace.expectConsole('RELAY CANDIDATES 0', 30_000);
    expect(await workspace.consoleText()).not.toContain('CONNECTED in');
  });
});
