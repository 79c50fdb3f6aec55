import { describe, expect, it } from 'vitest';
import { channelsThatOpened, crossedMessage, dataChannels, messages } from '../../../sandbox/log/channels.ts';
import { LogBuilder } from './builder.ts';
import { twoPeersInOnePage } from './scenarios.ts';

describe('dataChannels', () => {
  it('counts messages and bytes per direction', () => {
    const log = new LogBuilder().pc(1).channel(1, 1, 'local').dcState(1, 1, 'open');
    log.message(1, 1, 'sent', 'hé').message(1, 1, 'sent', null, 100).message(1, 1, 'received', 'ok');
    const [dc] = dataChannels(log.events);
    expect(dc?.sent).toEqual({ count: 2, bytes: 103 });
    expect(dc?.received).toEqual({ count: 1, bytes: 2 });
    expect(dc?.messages.map((m) => m.preview)).toEqual(['hé', undefined, 'ok']);
    expect(dc?.history.map((h) => h.value)).toEqual(['open']);
  });

  it('ignores events of a channel whose creation is not in the log', () => {
    const log = new LogBuilder().dcState(1, 7, 'open').message(1, 7, 'received', 'lost');
    expect(dataChannels(log.events)).toEqual([]);
  });

  it('remembers a channel opened even after it closed', () => {
    const log = new LogBuilder().pc(1).channel(1, 1, 'local').dcState(1, 1, 'open').dcState(1, 1, 'closed');
    const channels = dataChannels(log.events);
    expect(channels[0]?.state).toBe('closed');
    expect(channelsThatOpened(channels)).toHaveLength(1);
    const never = new LogBuilder().pc(1).channel(1, 1, 'local').dcState(1, 1, 'closed');
    expect(channelsThatOpened(dataChannels(never.events))).toEqual([]);
  });
});

describe('messages and crossedMessage', () => {
  it('finds the message sent on one connection and received on the other', () => {
    const events = twoPeersInOnePage({ send: 'ping' });
    expect(messages(events, 'sent')).toHaveLength(1);
    expect(messages(events)).toHaveLength(2);
    const crossed = crossedMessage(events);
    expect(crossed?.sent.pc).toBe(1);
    expect(crossed?.received.pc).toBe(2);
    expect(crossed?.received.preview).toBe('ping');
  });

  it('does not match different text, a message echoed on the same connection, or binary data', () => {
    expect(crossedMessage(twoPeersInOnePage({ send: 'ping', receive: 'pong' }))).toBeNull();
    const sameSide = new LogBuilder().pc(1).channel(1, 1, 'local').message(1, 1, 'sent', 'a').message(1, 1, 'received', 'a');
    expect(crossedMessage(sameSide.events)).toBeNull();
    const binary = new LogBuilder().pc(1).pc(2).channel(1, 1, 'local').channel(2, 2, 'remote');
    binary.message(1, 1, 'sent', null).message(2, 2, 'received', null);
    expect(crossedMessage(binary.events)).toBeNull();
  });
});
