import { describe, expect, it } from 'vitest';
import { bandwidth, describe as describeFigures, formatBitrate, parseInput, simulcastFactor } from '../../../site/src/lessons/bandwidth.ts';

const input = (topology: 'mesh' | 'sfu' | 'mcu', participants = 5, kbps = 1000, simulcastLayers = 1) => ({ participants, kbps, topology, simulcastLayers });

describe('bandwidth', () => {
  it('mesh: n−1 streams up and down per participant, n(n−1)/2 connections, no server', () => {
    const mesh = bandwidth(input('mesh'));
    expect(mesh.participant).toEqual({ upKbps: 4000, downKbps: 4000, streamsUp: 4, streamsDown: 4, connections: 4 });
    expect(mesh.server).toBeNull();
    expect(mesh.connections).toBe(10);
    expect(bandwidth(input('mesh', 10)).connections).toBe(45);
  });

  it('SFU: one stream up, n−1 down; the server receives n and sends n(n−1)', () => {
    const sfu = bandwidth(input('sfu'));
    expect(sfu.participant).toEqual({ upKbps: 1000, downKbps: 4000, streamsUp: 1, streamsDown: 4, connections: 1 });
    expect(sfu.server).toEqual({ upKbps: 20_000, downKbps: 5000, streamsUp: 20, streamsDown: 5, connections: 5 });
    expect(sfu.connections).toBe(5);
  });

  it('SFU with simulcast: each layer a quarter of the one above, on the way up only', () => {
    expect(simulcastFactor(1)).toBe(1);
    expect(simulcastFactor(2)).toBe(1.25);
    expect(simulcastFactor(3)).toBe(1.3125);
    const sfu = bandwidth(input('sfu', 5, 1600, 3));
    expect(sfu.participant.upKbps).toBe(2100);
    expect(sfu.participant.streamsUp).toBe(3);
    expect(sfu.participant.downKbps).toBe(6400);
    expect(sfu.server?.downKbps).toBe(10_500);
    // Simulcast is the SFU's business: a mesh or an MCU ignores it.
    expect(bandwidth(input('mesh', 5, 1600, 3)).participant.upKbps).toBe(6400);
    expect(bandwidth(input('mcu', 5, 1600, 3)).participant.upKbps).toBe(1600);
  });

  it('MCU: one stream each way for everybody; the server handles n each way', () => {
    const mcu = bandwidth(input('mcu', 8, 500));
    expect(mcu.participant).toEqual({ upKbps: 500, downKbps: 500, streamsUp: 1, streamsDown: 1, connections: 1 });
    expect(mcu.server).toEqual({ upKbps: 4000, downKbps: 4000, streamsUp: 8, streamsDown: 8, connections: 8 });
  });

  it('formats bitrates in kbit/s, Mbit/s and Gbit/s', () => {
    expect(formatBitrate(750)).toBe('750 kbit/s');
    expect(formatBitrate(13_500)).toBe('13.5 Mbit/s');
    expect(formatBitrate(1_234_567)).toBe('1.2 Gbit/s');
    expect(formatBitrate(999.96)).toBe('1000 kbit/s');
  });

  it('describes the figures in sentences', () => {
    expect(describeFigures(bandwidth(input('mesh')))).toEqual({
      participant: 'Each participant uploads 4 Mbit/s (4 streams) and downloads 4 Mbit/s (4 streams).',
      server: 'No media server: the signalling server carries no media.',
      call: '10 peer connections in the call.',
    });
    expect(describeFigures(bandwidth(input('mcu', 2, 300))).server).toBe('The server receives 600 kbit/s (2 streams) and sends 600 kbit/s (2 streams).');
  });

  it('parses the form and rejects what is out of range with a clear message', () => {
    expect(parseInput({ participants: '5', kbps: '1500', topology: 'sfu', simulcastLayers: '3' })).toEqual({ ok: true, input: input('sfu', 5, 1500, 3) });
    expect(parseInput({ participants: '1', kbps: '1500', topology: 'sfu', simulcastLayers: '1' })).toEqual({ ok: false, error: 'Participants: a whole number from 2 to 10000.' });
    expect(parseInput({ participants: '2.5', kbps: '1500', topology: 'sfu', simulcastLayers: '1' }).ok).toBe(false);
    expect(parseInput({ participants: '', kbps: '1500', topology: 'sfu', simulcastLayers: '1' }).ok).toBe(false);
    expect(parseInput({ participants: '5', kbps: '', topology: 'mesh', simulcastLayers: '1' })).toEqual({ ok: false, error: 'Bitrate: a number of kbit/s from 1 to 100000.' });
    expect(parseInput({ participants: '5', kbps: '0', topology: 'mesh', simulcastLayers: '1' }).ok).toBe(false);
    expect(parseInput({ participants: '5', kbps: '100', topology: 'p2p', simulcastLayers: '1' })).toEqual({ ok: false, error: 'Topology: mesh, SFU or MCU.' });
    expect(parseInput({ participants: '5', kbps: '100', topology: 'sfu', simulcastLayers: '4' }).ok).toBe(false);
  });
});
