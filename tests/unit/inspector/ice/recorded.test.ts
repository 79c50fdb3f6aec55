// The ICE logic over logs recorded from real Chromium with a local coturn (tests/fixtures/README.md).
// Re-made fixtures differ in ids, ports and timings, so only their shape is asserted.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PlaygroundEvent } from '../../../../sandbox/log/events.ts';
import { candidateLines, iceCandidates } from '../../../../site/src/inspector/ice/candidates.ts';
import { latestPairTables, withKnownAddresses } from '../../../../site/src/inspector/ice/pairs.ts';

const log = (name: string): PlaygroundEvent[] =>
  JSON.parse(readFileSync(new URL(`../../../fixtures/logs/${name}.json`, import.meta.url), 'utf8')) as PlaygroundEvent[];

describe('ICE over recorded runs', () => {
  it('relay: candidates through coturn, decoded and named by how the server was reached', () => {
    const events = log('relay');
    for (const table of iceCandidates(events)) {
      const local = table.candidates.filter((c) => c.side === 'local');
      expect(local.length).toBeGreaterThan(0);
      for (const row of local) {
        expect(row.type).toBe('relay');
        expect(row.url).toMatch(/^turn:/);
        expect(row.typePreferenceName).toBe('relay (TURN over UDP)');
        expect(row.decoded!.typePreference).toBeLessThan(10);
        expect(row.mdns).toBe(false);
      }
    }
    for (const pairs of latestPairTables(events).values()) {
      const selected = pairs.pairs.find((p) => p.selected)!;
      expect(selected.local?.type).toBe('relay');
      expect(selected.local?.relayProtocol).toBe('udp');
      expect(selected.prioritySource).toBe('computed');
    }
  });

  it('turn-401: the error row says the credentials were refused; STUN still gave a srflx candidate', () => {
    const [table] = iceCandidates(log('turn-401'));
    expect(table!.errors.map((e) => e.errorCode)).toContain(401);
    expect(table!.errors.find((e) => e.errorCode === 401)!.diagnosis).toMatch(/credentials/);
    const srflx = table!.candidates.find((c) => c.type === 'srflx');
    expect(srflx?.typePreferenceName).toMatch(/server reflexive/);
    expect(srflx?.relatedAddress).not.toBeNull();
  });

  it('turn-unreachable: 701 rows say the server could not be reached', () => {
    const [table] = iceCandidates(log('turn-unreachable'));
    expect(table!.errors.length).toBeGreaterThan(0);
    for (const error of table!.errors) {
      expect(error.errorCode).toBe(701);
      expect(error.diagnosis).toMatch(/could not be reached|could not be resolved/);
    }
  });

  it('every selected pair is nominated and succeeded, in every healthy run', () => {
    for (const name of ['audio-video', 'data-only', 'ice-restart', 'peerjs-data', 'renegotiation', 'simulcast']) {
      const tables = latestPairTables(log(name));
      expect(tables.size, name).toBe(2);
      for (const table of tables.values()) {
        const selected = table.pairs.filter((p) => p.selected);
        expect(selected, name).toHaveLength(1);
        expect(selected[0]!.state).toBe('succeeded');
        expect(selected[0]!.nominated).toBe(true);
      }
    }
  });

  it('candidate-before-remote: the refused candidates show as errors on pc 2', () => {
    const pc2 = iceCandidates(log('mistake-candidate-before-remote')).find((t) => t.pc === 2)!;
    expect(pc2.candidates.some((c) => c.side === 'remote' && c.outcome === 'error' && /InvalidStateError/.test(c.error ?? ''))).toBe(true);
  });
});

describe('pairs named by the log\'s candidates', () => {
  it('fills the addresses Chromium hides in stats (mDNS host candidates) from the recorded candidates', () => {
    const events = log('audio-video');
    const tables = latestPairTables(events);
    for (const pc of iceCandidates(events)) {
      const raw = tables.get(pc.pc)!;
      const selected = raw.pairs.find((p) => p.selected)!;
      expect(selected.local!.address).toBeNull(); // what the report says
      const filled = withKnownAddresses(raw, pc.candidates).pairs.find((p) => p.selected)!;
      for (const [end, side] of [[filled.local!, 'local'], [filled.remote!, 'remote']] as const) {
        expect(end.addressFrom).toBe('candidate');
        expect(end.address).toMatch(/\.local$/);
        const row = pc.candidates.find((c) => c.side === side && c.address === end.address && c.port === end.port);
        expect(row, `${side} candidate of pc ${pc.pc}`).toBeDefined();
      }
    }
  });
});

describe('remote candidates inside the description', () => {
  it('relay: the peer\'s relay candidates came in its description, and are listed as remote', () => {
    for (const pc of iceCandidates(log('relay'))) {
      const inDescription = pc.candidates.filter((c) => c.via === 'description');
      expect(inDescription.length).toBeGreaterThan(0);
      for (const row of inDescription) {
        expect(row.side).toBe('remote');
        expect(row.type).toBe('relay');
        expect(row.sdpMid).toBe('0');
        expect(row.decoded).not.toBeNull();
      }
    }
  });

  it('trickled candidates are not listed twice when the description repeats them', () => {
    for (const name of ['audio-video', 'data-only', 'renegotiation']) {
      for (const pc of iceCandidates(log(name))) {
        const raws = pc.candidates.filter((c) => c.side === 'remote').map((c) => c.raw.replace(/^a=/, ''));
        expect(new Set(raws).size, name).toBe(raws.length);
      }
    }
  });

  it('reads candidate lines with their mid', () => {
    const sdp = 'v=0\r\nm=audio 9 x 0\r\na=candidate:1 1 udp 1 1.2.3.4 5 typ host\r\na=mid:a\r\nm=video 9 x 0\r\na=mid:v\r\na=candidate:2 1 udp 1 1.2.3.4 6 typ host\r\n';
    expect(candidateLines(sdp)).toEqual([
      { line: 'candidate:1 1 udp 1 1.2.3.4 5 typ host', mid: 'a' },
      { line: 'candidate:2 1 udp 1 1.2.3.4 6 typ host', mid: 'v' },
    ]);
  });

  it('says why a connection has no candidate, by its real cause', () => {
    // Lesson 07's starting files: relay-only with a wrong TURN password. The cause is the 401, not a missing m= section.
    const lesson = JSON.parse(readFileSync(new URL('../../lessons/fixtures/07-files.json', import.meta.url), 'utf8')) as PlaygroundEvent[];
    const [pc1, pc2, wrongPassword] = iceCandidates(lesson);
    expect(wrongPassword!.noCandidates).toMatch(/^No candidates: the TURN server refused the credentials \(error 401.*iceTransportPolicy "relay"/);
    // Its other two connections are relay-only with no TURN server at all (the lesson's first TODO).
    for (const table of [pc1, pc2]) expect(table!.noCandidates).toMatch(/"relay".*but no TURN server is configured/);
    const [offerer] = iceCandidates(log('mistake-no-m-line'));
    expect(offerer!.noCandidates).toMatch(/no m= section/);
    expect(iceCandidates(log('relay')).every((table) => table.noCandidates === null)).toBe(true);
  });
});
