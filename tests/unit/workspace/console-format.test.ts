import { describe, expect, it } from 'vitest';
import { consoleLine, plainText, sanitise, terminalText } from '../../../site/src/workspace/console-format.ts';

describe('consoleLine', () => {
  it('shows console calls with their level', () => {
    expect(consoleLine({ type: 'console', seq: 0, t: 0, level: 'warn', text: 'careful' })).toEqual({ level: 'warn', text: 'careful' });
  });

  it('shows an uncaught error with its file and line', () => {
    const line = consoleLine({
      type: 'error', seq: 1, t: 1, kind: 'uncaught', name: 'TypeError', message: 'x is not a function',
      location: { file: 'main.js', line: 12, column: 3 },
    });
    expect(line).toEqual({
      level: 'error', error: true, text: 'Uncaught TypeError: x is not a function (main.js:12)',
      location: { file: 'main.js', line: 12, column: 3 },
    });
  });

  it('names rejected promises and errors without a location', () => {
    const line = consoleLine({ type: 'error', seq: 1, t: 1, kind: 'unhandledrejection', name: 'Error', message: 'nope' });
    expect(line?.text).toBe('Uncaught (in promise) Error: nope');
    expect(line?.location).toBeUndefined();
  });

  it('says when the run stopped and skips events the console does not show', () => {
    expect(consoleLine({ type: 'run', seq: 0, t: 0, status: 'stopped' })).toEqual({ level: 'system', text: 'Stopped.' });
    expect(consoleLine({ type: 'run', seq: 0, t: 0, status: 'started' })).toBeUndefined();
    expect(consoleLine({ type: 'pc.state', seq: 0, t: 0, pc: 1, which: 'connectionState', value: 'connected' })).toBeUndefined();
  });
});

describe('terminal text', () => {
  it('writes plain logs uncoloured with CRLF line ends', () => {
    expect(terminalText({ level: 'log', text: 'a\nb' })).toBe('a\r\nb\r\n');
  });

  it('colours by level and resets after', () => {
    expect(terminalText({ level: 'error', text: 'bad' })).toBe('\x1b[31mbad\x1b[0m\r\n');
    expect(terminalText({ level: 'info', text: 'i' })).toBe('\x1b[34mi\x1b[0m\r\n');
    expect(terminalText({ level: 'warn', text: 'w' })).toBe('\x1b[33mw\x1b[0m\r\n');
    expect(terminalText({ level: 'debug', text: 'd' })).toBe('\x1b[2md\x1b[0m\r\n');
  });

  it('never lets program text drive the terminal', () => {
    expect(sanitise('\x1b[2Jgone\r\nx\tz\u0007')).toBe('␛[2Jgone\nx\tz\ufffd');
    expect(terminalText({ level: 'log', text: '\x1b[31mred' })).toBe('␛[31mred\r\n');
  });

  it('names warnings and console errors in the plain text, not uncaught errors', () => {
    expect(plainText({ level: 'warn', text: 'w' })).toBe('Warning: w');
    expect(plainText({ level: 'error', text: 'e' })).toBe('Error: e');
    expect(plainText({ level: 'error', error: true, text: 'Uncaught Error: e' })).toBe('Uncaught Error: e');
    expect(plainText({ level: 'log', text: 'plain' })).toBe('plain');
  });
});
