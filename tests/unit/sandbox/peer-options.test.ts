import { describe, expect, it } from 'vitest';
import { resolvePeerArgs, type PeerDefaults } from '../../../sandbox/runtime/peerjs/options.ts';

const ours: PeerDefaults = { host: 'localhost', port: 4321, path: '/peerjs', secure: false, key: 'peerjs', iceServers: [{ urls: 'stun:127.0.0.1:3478' }] };
const server = { host: 'localhost', port: 4321, path: '/peerjs/', secure: false, key: 'peerjs' };

describe('resolvePeerArgs', () => {
  it('points new Peer() at our signaller with our ICE servers', () => {
    expect(resolvePeerArgs(undefined, undefined, ours)).toEqual({
      id: undefined,
      options: { ...server, token: expect.stringMatching(/^[0-9a-z]{16,}$/), config: { iceServers: ours.iceServers } },
      warning: null,
    });
  });

  it('gives each Peer an unguessable token of its own, unless the learner chose one', () => {
    const tokens = new Set(Array.from({ length: 100 }, () => resolvePeerArgs(undefined, undefined, ours).options.token));
    expect(tokens.size).toBe(100);
    expect(resolvePeerArgs({ token: 'mine' }, undefined, ours).options.token).toBe('mine');
  });

  it('accepts (id), (options) and (id, options)', () => {
    expect(resolvePeerArgs('alice', undefined, ours).id).toBe('alice');
    const fromOptions = resolvePeerArgs({ debug: 2 }, undefined, ours);
    expect(fromOptions.id).toBeUndefined();
    expect(fromOptions.options).toMatchObject({ ...server, debug: 2 });
    const both = resolvePeerArgs('bob', { debug: 1 }, ours);
    expect(both.id).toBe('bob');
    expect(both.options).toMatchObject({ ...server, debug: 1 });
    expect(resolvePeerArgs(null, { debug: 3 }, ours).id).toBeUndefined();
  });

  it('replaces another server with ours and says what it ignored', () => {
    const cloud = resolvePeerArgs('x', { host: '0.peerjs.com', port: 443, secure: true, path: '/' }, ours);
    expect(cloud.options).toMatchObject(server);
    expect(cloud.warning).toContain('Ignored host "0.peerjs.com", port 443, path "/", secure true');
    expect(cloud.warning).toContain('ws://localhost:4321/peerjs/');
    expect(resolvePeerArgs({ host: '/' }, undefined, ours).warning).toContain('host "/"');
    expect(resolvePeerArgs({ key: 'mykey' }, undefined, ours).options.key).toBe('peerjs');
  });

  it('does not warn when the learner spells out our own server', () => {
    const same = resolvePeerArgs({ host: 'localhost', port: '4321', path: 'peerjs', key: 'peerjs', secure: false }, undefined, ours);
    expect(same.warning).toBeNull();
    expect(same.options).toMatchObject(server);
  });

  it('keeps other options and the learner\'s own ICE configuration', () => {
    const own = { iceServers: [{ urls: 'turn:127.0.0.1:3478', username: 'u', credential: 'p' }], iceTransportPolicy: 'relay' };
    const resolved = resolvePeerArgs({ config: own, debug: 3, pingInterval: 1000 }, undefined, ours);
    expect(resolved.options).toMatchObject({ config: own, debug: 3, pingInterval: 1000 });
    const partial = resolvePeerArgs({ config: { iceTransportPolicy: 'relay' } }, undefined, ours);
    expect(partial.options.config).toEqual({ iceTransportPolicy: 'relay', iceServers: ours.iceServers });
  });

  it('does not modify the learner\'s objects', () => {
    const options = { host: 'example.com', config: { bundlePolicy: 'max-bundle' } };
    const copy = structuredClone(options);
    resolvePeerArgs(options, undefined, ours);
    expect(options).toEqual(copy);
  });
});
