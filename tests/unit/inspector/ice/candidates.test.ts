import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PlaygroundEvent } from '../../../../sandbox/log/events.ts';
import { isMdnsAddress, parseCandidateLine } from '../../../../site/src/inspector/ice/candidate-line.ts';
import { iceCandidates } from '../../../../site/src/inspector/ice/candidates.ts';
import { diagnoseIceError } from '../../../../site/src/inspector/ice/errors.ts';
import { hostCandidate, json, LogBuilder } from '../../log/builder.ts';

const fixture = (name: string): PlaygroundEvent[] =>
  JSON.parse(readFileSync(new URL(`../../lessons/fixtures/${name}`, import.meta.url), 'utf8')) as PlaygroundEvent[];

describe('candidate lines', () => {
  it('reads every field of a relay candidate', () => {
    const line = 'candidate:3 1 udp 41820159 203.0.113.7 50000 typ relay raddr 198.51.100.2 rport 61000 generation 0 ufrag abcd network-id 1';
    expect(parseCandidateLine(line)).toEqual({
      foundation: '3',
      component: 1,
      protocol: 'udp',
      priority: 41820159,
      address: '203.0.113.7',
      port: 50000,
      type: 'relay',
      relatedAddress: '198.51.100.2',
      relatedPort: 61000,
      tcpType: null,
      extensions: { generation: '0', ufrag: 'abcd', 'network-id': '1' },
    });
    expect(parseCandidateLine('a=candidate:1 1 TCP 1518280447 192.0.2.1 9 typ host tcptype active').tcpType).toBe('active');
  });

  it('gives nulls, not exceptions, for garbage', () => {
    for (const junk of ['', 'candidate:', 'hello world', 'candidate:1 x y z', '<script>alert(1)</script>']) {
      const parsed = parseCandidateLine(junk);
      expect(parsed.priority).toBeNull();
      expect(parsed.type).toBeNull();
    }
  });

  it('recognises mDNS names', () => {
    expect(isMdnsAddress('1a2b3c4d-0000-4000-8000-000000000001.local')).toBe(true);
    expect(isMdnsAddress('host.LOCAL')).toBe(true);
    expect(isMdnsAddress('192.168.1.2')).toBe(false);
    expect(isMdnsAddress('localhost')).toBe(false);
    expect(isMdnsAddress(null)).toBe(false);
  });
});

describe('the candidate table', () => {
  it('lists both peers\' local and remote candidates of a recorded run, decoded', () => {
    const events = fixture('02-solution.json');
    const tables = iceCandidates(events);
    expect(tables.map((t) => t.pc)).toEqual([1, 2]);
    for (const table of tables) {
      const local = table.candidates.filter((c) => c.side === 'local');
      const remote = table.candidates.filter((c) => c.side === 'remote');
      expect(local.length).toBeGreaterThan(0);
      expect(remote.length).toBeGreaterThan(0);
      expect(table.gatheringComplete).toBe(true);
      for (const row of table.candidates) {
        expect(row.type).toBe('host');
        expect(row.mdns).toBe(true);
        expect(row.decoded?.typePreference).toBe(126);
        expect(row.decoded?.component).toBe(1);
        expect(row.typePreferenceName).toBe('host');
        expect(row.sinceLocalDescription).not.toBeNull();
      }
      for (const row of remote) expect(row.outcome).toBe('ok');
    }
    // What pc 1 gathered is what pc 2 was given (same strings, same order).
    const gathered1 = tables[0]!.candidates.filter((c) => c.side === 'local').map((c) => c.raw);
    const given2 = tables[1]!.candidates.filter((c) => c.side === 'remote').map((c) => c.raw);
    expect(given2).toEqual(gathered1);
  });

  it('shows the remote side empty when candidates were never sent back', () => {
    const tables = iceCandidates(fixture('02-no-candidates-back.json'));
    const pc1 = tables.find((t) => t.pc === 1)!;
    expect(pc1.candidates.some((c) => c.side === 'local')).toBe(true);
    expect(pc1.candidates.some((c) => c.side === 'remote')).toBe(false);
  });

  it('marks a rejected addIceCandidate with its error and measures time from setLocalDescription', () => {
    const log = new LogBuilder().started().pc(1);
    log.call(1, 'setLocalDescription', [{ type: 'offer', sdp: 'v=0' }]);
    log.push({ type: 'pc.call', pc: 1, call: 99, method: 'addIceCandidate', args: [json(hostCandidate(5000))] }, 10);
    log.push({ type: 'pc.result', pc: 1, call: 99, method: 'addIceCandidate', ok: false, error: { name: 'InvalidStateError', message: 'The remote description was null' } });
    log.call(1, 'addIceCandidate', [{ candidate: '', sdpMid: '0' }]);
    const [table] = iceCandidates(log.events);
    expect(table!.candidates).toHaveLength(1); // the end-of-candidates marker is not a row
    const row = table!.candidates[0]!;
    expect(row.side).toBe('remote');
    expect(row.outcome).toBe('error');
    expect(row.error).toMatch(/InvalidStateError/);
    expect(row.sinceLocalDescription).toBe(11); // the call was 1 ms before its result, then 10 ms
    expect(row.port).toBe(5000);
  });

  it('diagnoses icecandidateerror rows', () => {
    const log = new LogBuilder().started().pc(1);
    log.push({ type: 'pc.event', pc: 1, name: 'icecandidateerror', detail: { address: '192.0.2.1', port: 50000, url: 'turn:turn.example:3478?transport=udp', errorCode: 401, errorText: 'Unauthorized' } });
    log.push({ type: 'pc.event', pc: 1, name: 'icecandidateerror', detail: { address: null, port: null, url: 'stun:nowhere.invalid:3478', errorCode: 701, errorText: 'STUN host lookup received error.' } });
    log.push({ type: 'pc.event', pc: 1, name: 'icecandidateerror', detail: { url: 'turn:10.0.0.1:3478', errorCode: 701, errorText: 'TURN allocate request timed out.' } });
    const errors = iceCandidates(log.events)[0]!.errors;
    expect(errors.map((e) => e.errorCode)).toEqual([401, 701, 701]);
    expect(errors[0]!.diagnosis).toMatch(/username or password is wrong|expired/);
    expect(errors[1]!.diagnosis).toMatch(/could not be resolved/);
    expect(errors[2]!.diagnosis).toMatch(/down, a firewall blocks it, or the URL/);
    expect(diagnoseIceError('junk', 1, 1).diagnosis).toMatch(/without a code/);
    expect(diagnoseIceError({ errorCode: 486 }, 1, 1).diagnosis).toMatch(/quota/);
  });
});
