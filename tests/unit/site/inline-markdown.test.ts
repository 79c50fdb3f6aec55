import { describe, expect, it } from 'vitest';
import { renderInlineMarkdown } from '../../../site/src/lessons/inline-markdown.ts';

describe('renderInlineMarkdown (hints)', () => {
  it('renders code spans, strong, emphasis and links', () => {
    expect(renderInlineMarkdown('Call `pc.createOffer()` on **pc1**, then *wait*.')).toBe(
      'Call <code>pc.createOffer()</code> on <strong>pc1</strong>, then <em>wait</em>.',
    );
    expect(renderInlineMarkdown('See _the spec_ and [MDN](https://developer.mozilla.org/en-US/docs/Web/API/RTCPeerConnection).')).toBe(
      'See <em>the spec</em> and <a href="https://developer.mozilla.org/en-US/docs/Web/API/RTCPeerConnection">MDN</a>.',
    );
    expect(renderInlineMarkdown('Go back to [lesson 2](/lessons/two-peers/#the-offer).')).toBe(
      'Go back to <a href="/lessons/two-peers/#the-offer">lesson 2</a>.',
    );
  });

  it('escapes HTML everywhere, and formats nothing inside code', () => {
    expect(renderInlineMarkdown('<script>alert(1)</script> & "quotes"')).toBe(
      '&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;',
    );
    expect(renderInlineMarkdown('`a **b** <i>` and `` x`y ``')).toBe('<code>a **b** &lt;i&gt;</code> and <code>x`y</code>');
  });

  it('leaves snake_case words, lone asterisks and maths alone', () => {
    expect(renderInlineMarkdown('use ice_candidate_pool_size, 2 * 3 * 4')).toBe('use ice_candidate_pool_size, 2 * 3 * 4');
  });

  it('refuses links that are not http(s) or on this site', () => {
    expect(renderInlineMarkdown('[click](javascript:alert(1))')).toBe('[click](javascript:alert(1))');
    expect(renderInlineMarkdown('[x](data:text/html,hi)')).toBe('[x](data:text/html,hi)');
  });
});
