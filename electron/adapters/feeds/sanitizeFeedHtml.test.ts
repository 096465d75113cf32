import { describe, expect, it } from 'vitest';
import { sanitizeFeedHtml } from './sanitizeFeedHtml';

const BASE = 'https://journal.example/articles/42';

describe('sanitizeFeedHtml', () => {
  it('keeps article structure: headings, paragraphs, lists, emphasis, quotes, code, tables, figures', () => {
    const html =
      '<h2>Methods</h2><p>We <em>randomised</em> <strong>120</strong> patients<sup>1</sup>.</p>' +
      '<ul><li>Arm A</li></ul><blockquote>Quoted</blockquote><pre><code>x &lt; 1</code></pre>' +
      '<table><thead><tr><th colspan="2">Outcome</th></tr></thead><tbody><tr><td>HbA<sub>1c</sub></td></tr></tbody></table>' +
      '<figure><img src="https://cdn.example/f1.png" alt="Figure 1"><figcaption>Figure 1</figcaption></figure><hr><br>';

    expect(sanitizeFeedHtml(html, BASE)).toBe(
      '<h2>Methods</h2><p>We <em>randomised</em> <strong>120</strong> patients<sup>1</sup>.</p>' +
        '<ul><li>Arm A</li></ul><blockquote>Quoted</blockquote><pre><code>x &lt; 1</code></pre>' +
        '<table><thead><tr><th colspan="2">Outcome</th></tr></thead><tbody><tr><td>HbA<sub>1c</sub></td></tr></tbody></table>' +
        '<figure><img src="https://cdn.example/f1.png" alt="Figure 1" /><figcaption>Figure 1</figcaption></figure><hr /><br />',
    );
  });

  it('removes scripts, styles, frames, objects and forms together with their content', () => {
    const html =
      '<p>Before</p><script>steal()</script><style>p{display:none}</style>' +
      '<iframe src="https://evil.example">frame text</iframe><object data="x.swf">obj</object><embed src="x.swf">' +
      '<form action="https://evil.example"><input name="q"><button>Send</button></form><p>After</p>';

    const clean = sanitizeFeedHtml(html, BASE);

    expect(clean).toBe('<p>Before</p><p>After</p>');
  });

  it('removes event handlers and style attributes', () => {
    const clean = sanitizeFeedHtml(
      '<p style="color:red" onclick="steal()">Hi</p><img src="https://cdn.example/a.png" onerror="steal()" style="width:1px">',
      BASE,
    );

    expect(clean).toBe('<p>Hi</p><img src="https://cdn.example/a.png" />');
  });

  it('drops javascript: and data: links and images but keeps the text', () => {
    const clean = sanitizeFeedHtml(
      '<a href="javascript:steal()">one</a> <a href=" JaVaScRiPt:steal()">two</a> <a href="data:text/html,<script>x</script>">three</a>' +
        '<img src="data:image/png;base64,AAAA"><img src="javascript:steal()">',
      BASE,
    );

    expect(clean).toBe(
      '<a rel="noopener noreferrer">one</a> <a rel="noopener noreferrer">two</a> <a rel="noopener noreferrer">three</a>',
    );
  });

  it('resolves relative links and images against the base and keeps mailto links', () => {
    const clean = sanitizeFeedHtml(
      '<a href="/doi/10.1/abc">DOI</a><a href="mailto:editor@journal.example">Write</a><img src="fig.png" alt="">',
      BASE,
    );

    expect(clean).toBe(
      '<a href="https://journal.example/doi/10.1/abc" rel="noopener noreferrer">DOI</a>' +
        '<a href="mailto:editor@journal.example" rel="noopener noreferrer">Write</a>' +
        '<img src="https://journal.example/articles/fig.png" alt="" />',
    );
  });

  it('does not allow mailto or other schemes as image sources', () => {
    expect(sanitizeFeedHtml('<img src="mailto:a@b.c"><img src="ftp://x/y.png">', BASE)).toBe('');
  });

  it('unwraps unknown elements, keeping their text', () => {
    expect(sanitizeFeedHtml('<div class="x"><span>kept</span></div>', BASE)).toBe('kept');
  });

  it('returns text without markup or entities as it came, with ">" escaped', () => {
    expect(sanitizeFeedHtml('Dose > 5 mg\n"twice" daily', BASE)).toBe(
      'Dose &gt; 5 mg\n"twice" daily',
    );
  });
});
