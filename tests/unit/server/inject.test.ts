import { describe, expect, it } from 'vitest';
import type { FrameConfig } from '../../../sandbox/protocol.ts';
import { runCsp } from '../../../signal-server/csp.ts';
import { frameHeadSnippet, injectFrame, injectionPoint, scriptSafeJson } from '../../../signal-server/inject.ts';

const config = (overrides: Partial<FrameConfig> = {}): FrameConfig => ({
  runId: '0123456789abcdef0123456789abcdef',
  siteOrigin: 'http://localhost:4321',
  peerjs: { host: 'localhost', port: 4321, path: '/peerjs', secure: false, key: 'peerjs' },
  iceServers: [],
  ...overrides,
});

/** What an HTML parser does: a classic script's text ends at the first `</script` whatever surrounds it. */
function firstScriptText(html: string): string {
  const start = html.indexOf('>', html.indexOf('<script')) + 1;
  return html.slice(start, html.toLowerCase().indexOf('</script', start));
}

describe('scriptSafeJson', () => {
  it('escapes everything that could end or confuse a script element, and stays the same JSON', () => {
    const value = { a: '</script><script>alert(1)</script>', b: '<!-- x -->', c: 'a & b > c', d: '\u2028\u2029' };
    const json = scriptSafeJson(value);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual(value);
  });
});

describe('frameHeadSnippet', () => {
  it('keeps a hostile value inside the config script', () => {
    const hostile = config({ runId: '</SCRIPT><script>window.pwned = 1</script>', siteOrigin: '<!--<script>' });
    const html = frameHeadSnippet(hostile);
    const text = firstScriptText(html);
    expect(text.startsWith('window.__PLAYGROUND__ = ')).toBe(true);
    expect(JSON.parse(text.slice('window.__PLAYGROUND__ = '.length, -1))).toEqual(hostile);
    expect(html).not.toContain('window.pwned = 1</script>');
  });

  it('loads the runtime and maps the peerjs module', () => {
    const html = frameHeadSnippet(config());
    expect(html).toContain('<script src="/runtime.js"></script>');
    expect(html).toContain('<script type="importmap">{"imports":{"peerjs":"/vendor/peerjs.js"}}</script>');
    // The config first, then the runtime that reads it, then the import map.
    expect(html.indexOf('__PLAYGROUND__')).toBeLessThan(html.indexOf('/runtime.js'));
    expect(html.indexOf('/runtime.js')).toBeLessThan(html.indexOf('importmap'));
  });
});

describe('injectionPoint', () => {
  const at = (html: string) => html.slice(0, injectionPoint(html));
  it('goes right after the opening head tag, with or without attributes and in any case', () => {
    expect(at('<!doctype html><html><head><title>x</title></head></html>')).toBe('<!doctype html><html><head>');
    expect(at('<HTML><HEAD data-x="1"><meta charset="utf-8">')).toBe('<HTML><HEAD data-x="1">');
  });

  it('does not mistake <header> or a commented-out head for the head', () => {
    expect(at('<html><body><header>hi</header></body></html>')).toBe('<html>');
    expect(at('<!doctype html><!-- <head> --><html><head><title>')).toBe('<!doctype html><!-- <head> --><html><head>');
  });

  it('falls back to after <html>, then after the doctype, then the start', () => {
    expect(at('<!DOCTYPE html>\n<html lang="en"><body>')).toBe('<!DOCTYPE html>\n<html lang="en">');
    expect(at('<!DOCTYPE html>\n<p>hi')).toBe('<!DOCTYPE html>');
    expect(at('<p>just a fragment</p>')).toBe('');
  });
});

describe('injectFrame', () => {
  it('inserts the snippet once and keeps the page intact around it', () => {
    const page = '<!doctype html><html><head><title>x</title></head><body><script src="main.js"></script></body></html>';
    const out = injectFrame(page, config());
    expect(out.replace(frameHeadSnippet(config()), '')).toBe(page);
    expect(out.split('__PLAYGROUND__').length).toBe(2);
  });
});

describe('runCsp', () => {
  it('limits connections to our origins and framing to the site', () => {
    const csp = runCsp({ site: 'http://localhost:4321', sandbox: 'http://127.0.0.1:4322' });
    const directive = (name: string) => csp.split('; ').find((d) => d.startsWith(`${name} `));
    expect(directive('connect-src')).toBe(
      "connect-src 'self' ws://127.0.0.1:4322 http://localhost:4321 ws://localhost:4321 data: blob:",
    );
    expect(directive('frame-ancestors')).toBe('frame-ancestors http://localhost:4321');
    expect(directive('default-src')).toBe("default-src 'self'");
    expect(directive('script-src')).toBe("script-src 'self' 'unsafe-inline' 'unsafe-eval' blob:");
    expect(directive('media-src')).toBe("media-src 'self' data: blob: mediastream:");
    expect(directive('object-src')).toBe("object-src 'none'");
  });

  it('uses wss for an https site', () => {
    expect(runCsp({ site: 'https://a.test:443', sandbox: 'https://a.test:8443' })).toContain('wss://a.test:8443 https://a.test:443 wss://a.test:443');
  });
});
