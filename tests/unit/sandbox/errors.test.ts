import { describe, expect, it } from 'vitest';
import { describeThrown, parseErrorMessage } from '../../../sandbox/runtime/error-info.ts';
import { runBase } from '../../../sandbox/runtime/source-location.ts';

const base = runBase('http://127.0.0.1:4322', 'r1');

describe('error descriptions', () => {
  it('splits the browser\'s error messages into name and message', () => {
    expect(parseErrorMessage("Uncaught SyntaxError: Unexpected token '}'")).toEqual({ name: 'SyntaxError', message: "Unexpected token '}'" });
    expect(parseErrorMessage('Uncaught DOMException: bad: worse')).toEqual({ name: 'DOMException', message: 'bad: worse' });
    expect(parseErrorMessage('Uncaught oops')).toEqual({ name: 'Error', message: 'oops' });
    expect(parseErrorMessage('Script error.')).toEqual({ name: 'Error', message: 'Script error.' });
  });

  it('describes thrown errors with the learner\'s location and a clean stack', () => {
    const error = new RangeError('too far');
    error.stack = `RangeError: too far\n    at go (http://127.0.0.1:4322/runtime.js:1:99)\n    at http://127.0.0.1:4322/run/r1/main.js:7:3`;
    expect(describeThrown(error, base)).toEqual({
      name: 'RangeError',
      message: 'too far',
      stack: 'RangeError: too far\n    at main.js:7:3',
      location: { file: 'main.js', line: 7, column: 3 },
    });
  });

  it('describes thrown values that are not errors', () => {
    expect(describeThrown('plain string', base)).toEqual({ name: 'Error', message: 'plain string' });
    expect(describeThrown({ code: 42 }, base)).toEqual({ name: 'Error', message: '{ code: 42 }' });
    expect(describeThrown(undefined, base)).toEqual({ name: 'Error', message: 'undefined' });
  });
});
