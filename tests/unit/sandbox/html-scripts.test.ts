import { describe, expect, it } from 'vitest';
import { guardHtmlScripts } from '../../../sandbox/transform/html-scripts.ts';

describe('guardHtmlScripts', () => {
  it('guards inline classic and module scripts, reporting index.html lines', () => {
    const html = '<!doctype html>\n<html><body>\n<script>\nlet i = 0;\nwhile (i < 3) i++;\n</script>\n  <script type="module">for (;;) { break; }</script>\n</body></html>';
    const out = guardHtmlScripts(html, 'index.html');
    expect(out).toContain('enter("while", "index.html", 5, 1)');
    expect(out).toContain('enter("for", "index.html", 7, 25)');
    expect(out.split('\n')).toHaveLength(html.split('\n').length);
    expect(out.startsWith('<!doctype html>\n<html><body>\n<script>\nlet i = 0;\n')).toBe(true);
  });

  it('leaves external, data and commented-out scripts alone', () => {
    const html = [
      '<script src="main.js">while (true) {}</script>',
      '<script type="importmap">{"imports": {}}</script>',
      '<script type="application/json">{"while": 1}</script>',
      '<!-- <script>while (true) {}</script> -->',
      '<script type="text/template">for (;;) {}</script>',
    ].join('\n');
    expect(guardHtmlScripts(html, 'index.html')).toBe(html);
  });

  it('leaves a script it cannot parse unchanged', () => {
    const html = '<script>while (true {</script><p>while (x) {}</p>';
    expect(guardHtmlScripts(html, 'index.html')).toBe(html);
  });
});
