// The Inspector's ICE view against the SDP view, on a real run whose
// descriptions carry their candidates (sent after gathering, no trickle):
// pc 1's candidate rows are exactly the a=candidate lines of the offer pc 2
// applied, and pc 2 lists the same ones as arriving in that description.
import { test, expect, type Locator } from '@playwright/test';
import { SCENARIOS } from '../tools/scenarios.ts';
import { Inspector } from './support/inspector.ts';
import { readLessons } from './support/lessons.ts';
import { Workspace } from './support/workspace.ts';

const program = SCENARIOS.find((s) => s.name === 'data-only');

/** "udp 127.0.0.1:5000 host 2122260223" from an a=candidate line (RFC 8839 field order). */
function fromSdp(line: string): string | null {
  const m = /candidate:\S+ \d+ (\S+) (\d+) (\S+) (\d+) typ (\S+)/.exec(line);
  return m ? `${m[1]?.toLowerCase()} ${m[3]}:${m[4]} ${m[5]} ${m[2]}` : null;
}

/** The same key from the candidate table's rows that `side` matches, read by column header. */
async function fromTable(table: Locator, side: RegExp): Promise<string[]> {
  const headers = (await table.getByRole('columnheader').allInnerTexts()).map((h) => h.trim());
  const column = (name: string) => {
    const index = headers.indexOf(name);
    if (index < 1) throw new Error(`no column "${name}" in ${headers.join(' | ')}`);
    return index - 1; // the first column (Side) is each row's header cell
  };
  const keys: string[] = [];
  for (const row of await table.getByRole('row').all()) {
    const head = await row.getByRole('rowheader').allInnerTexts();
    if (head.length === 0 || !side.test(head[0] ?? '')) continue;
    const cells = (await row.getByRole('cell').allInnerTexts()).map((c) => c.trim());
    const address = (cells[column('Address')] ?? '').replace(/ \(mDNS name\)$/, '');
    const protocol = (cells[column('Protocol')] ?? '').split(' ')[0];
    keys.push(`${protocol} ${address}:${cells[column('Port')]} ${cells[column('Type')]} ${cells[column('Priority')]}`);
  }
  return keys.sort();
}

test('the ICE view lists exactly the candidates of the SDP', async ({ page }) => {
  test.setTimeout(90_000);
  if (!program) throw new Error('tests/tools/scenarios.ts has no data-only program');
  const lesson = readLessons()[0];
  if (!lesson) throw new Error('no lesson');
  const workspace = await Workspace.open(page, lesson);
  await workspace.setFiles(program.files({ url: '', username: '', credential: '', deadUrl: '' }));
  await workspace.run();
  await workspace.expectConsole(/\bDONE\b/, 30_000);

  // The offer pc 2 applied, as the SDP view shows it.
  const inspector = new Inspector(page);
  const sdpPanel = await inspector.show('SDP');
  const pick = sdpPanel.getByRole('navigation', { name: 'Descriptions' }).getByRole('button', { name: /^pc 2: setRemoteDescription offer/ });
  await pick.click();
  const offer = sdpPanel.getByRole('region', { name: /^pc 2: setRemoteDescription offer/ });
  const lines = await offer.getByRole('list', { name: /: lines$/ }).getByRole('listitem').allInnerTexts();
  const inSdp = lines.map(fromSdp).filter((key): key is string => key !== null).sort();
  expect(inSdp.length, 'the offer carries candidates').toBeGreaterThan(0);

  const icePanel = await inspector.show('ICE');
  const pc1 = icePanel.getByRole('region', { name: 'ICE of pc 1' }).getByRole('table', { name: /^Candidates of pc 1/ });
  const pc2 = icePanel.getByRole('region', { name: 'ICE of pc 2' }).getByRole('table', { name: /^Candidates of pc 2/ });
  await expect.poll(() => fromTable(pc1, /^local\b/), { message: "pc 1's gathered candidates" }).toEqual(inSdp);
  await expect.poll(() => fromTable(pc2, /^remote \(in description\)/), { message: "pc 2's candidates from pc 1's description" }).toEqual(inSdp);
  // And the pair that won is listed from getStats.
  await expect(icePanel.getByRole('table', { name: /^Candidate pairs of pc 1/ }).getByRole('row').filter({ hasText: 'selected (in use)' })).toHaveCount(1);
});
