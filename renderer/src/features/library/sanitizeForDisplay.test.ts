// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { sanitizeForDisplay } from './sanitizeForDisplay';

/** The sanitised HTML parsed back into elements, as the reader pane will hold it. */
function displayed(html: string): HTMLElement {
  const container = document.createElement('div');
  container.innerHTML = sanitizeForDisplay(html);
  return container;
}

function tagNames(container: HTMLElement): string[] {
  return [...container.querySelectorAll('*')].map((element) => element.localName);
}

/** Every attribute left in the output, as `tag name="value"`. */
function attributes(container: HTMLElement): string[] {
  return [...container.querySelectorAll('*')].flatMap((element) =>
    [...element.attributes].map(
      (attribute) => `${element.localName} ${attribute.name}="${attribute.value}"`,
    ),
  );
}

describe('sanitizeForDisplay', () => {
  it('keeps the article: headings, paragraphs, emphasis, lists, tables, quotes and web links', () => {
    const html =
      '<h2>Results</h2><p>Mortality fell <em>by 12%</em> <sup>1</sup>.</p>' +
      '<ul><li>one</li></ul><blockquote>quoted</blockquote>' +
      '<table><tbody><tr><td colspan="2">cell</td></tr></tbody></table>' +
      '<p><a href="https://www.nejm.org/doi/10.1056/x" title="Full text">full text</a></p>';

    const container = displayed(html);

    expect(container.textContent).toBe('ResultsMortality fell by 12% 1.onequotedcellfull text');
    expect(tagNames(container)).toEqual([
      'h2',
      'p',
      'em',
      'sup',
      'ul',
      'li',
      'blockquote',
      'table',
      'tbody',
      'tr',
      'td',
      'p',
      'a',
    ]);
    expect(attributes(container)).toEqual([
      'td colspan="2"',
      'a href="https://www.nejm.org/doi/10.1056/x"',
      'a title="Full text"',
      'a target="_blank"',
      'a rel="noopener noreferrer"',
    ]);
  });

  it('removes scripts and every event handler', () => {
    const container = displayed(
      '<script>alert(1)</script><p onclick="alert(2)" onmouseover="alert(3)">text</p>' +
        '<img src="data:image/png;base64,iVBORw0KGgo=" onerror="alert(4)" alt="chart">' +
        '<a href="https://example.org/" onfocus="alert(5)" autofocus>link</a>',
    );

    expect(tagNames(container)).not.toContain('script');
    expect(
      attributes(container).filter((attribute) => / on\w+=|autofocus/.test(attribute)),
    ).toEqual([]);
    expect(container.textContent).toBe('textlink');
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    '&#106;avascript:alert(1)',
    '&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)',
    'java&#x09;script:alert(1)',
    'java&Tab;script:alert(1)',
    ' \n javascript:alert(1)',
    'javascript&colon;alert(1)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    '/api/feeds.remove',
    '//evil.example/',
    'mailto:editor@example.org?bcc=everyone@example.org',
    'mailto:editor@example.org?subject=Hi%0D%0ACc:everyone@example.org',
  ])('drops the link target %s but keeps the link text', (href) => {
    const container = displayed(`<a href="${href}">read more</a>`);

    expect(container.querySelector('[href]')).toBeNull();
    expect(container.textContent).toBe('read more');
  });

  it('removes svg and math content, including links and handlers hidden inside them', () => {
    const container = displayed(
      '<svg onload="alert(1)"><a xlink:href="javascript:alert(2)"><text>svg link</text></a>' +
        '<use href="data:image/svg+xml,&lt;svg id=x&gt;"/></svg>' +
        '<math><mtext><table><mglyph><style><img src=x onerror=alert(3)></style></mglyph></table></mtext></math>' +
        '<p>after</p>',
    );

    expect(tagNames(container).filter((name) => !['p', 'span', 'table'].includes(name))).toEqual(
      [],
    );
    expect(attributes(container)).toEqual([]);
  });

  it.each([
    ['style', '<style>body { background: url(https://tracker.example/p.gif) }</style>'],
    ['form', '<form action="https://evil.example/"><input name="password"></form>'],
    ['iframe', '<iframe src="https://evil.example/"></iframe>'],
    ['object', '<object data="https://evil.example/x.swf"></object>'],
    ['embed', '<embed src="https://evil.example/x.swf">'],
    ['meta', '<meta http-equiv="refresh" content="0;url=https://evil.example/">'],
    ['base', '<base href="https://evil.example/">'],
    ['link', '<link rel="stylesheet" href="https://evil.example/x.css">'],
    ['template', '<template><img src=x onerror=alert(1)></template>'],
  ])('removes %s elements', (_tag, html) => {
    const container = displayed(`${html}<p>kept</p>`);

    expect(tagNames(container)).toEqual(['p']);
    expect(attributes(container)).toEqual([]);
  });

  it('does not load remote images: one with a description becomes a note, one without is dropped', () => {
    const container = displayed(
      '<p><img src="https://cdn.example/figure1.png" alt="Kaplan–Meier curve">' +
        '<img src="https://tracker.example/pixel.gif" width="1" height="1"></p>',
    );

    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toBe('[Image not loaded: Kaplan–Meier curve]');
  });

  it('shows images saved in the library, from the app’s own origin only', () => {
    const hash = '0123456789abcdef'.repeat(4);
    const container = displayed(
      `<figure><img src="/files/images/${hash}" alt="Kaplan–Meier curve" width="640">` +
        '<figcaption>Figure 1</figcaption></figure>',
    );

    expect(attributes(container)).toEqual([
      `img src="/files/images/${hash}"`,
      'img alt="Kaplan–Meier curve"',
      'img width="640"',
    ]);
  });

  it.each([
    ['a remote image', 'https://cdn.example/files/images/' + 'a'.repeat(64)],
    ['a protocol-relative address', '//evil.example/files/images/' + 'a'.repeat(64)],
    ['a path that climbs out', '/files/images/../pdf/' + 'a'.repeat(64)],
    ['an encoded climb', '/files/images/..%2F' + 'a'.repeat(61)],
    ['a hash in capitals', '/files/images/' + 'A'.repeat(64)],
    ['a query after the hash', `/files/images/${'a'.repeat(64)}?track=1`],
    ['another of the app’s files', `/files/pdf/${'a'.repeat(64)}`],
    ['a relative path', `files/images/${'a'.repeat(64)}`],
  ])('does not load %s: the image becomes a note', (_case, src) => {
    const container = displayed(`<p><img src="${src}" alt="Figure 2"></p>`);

    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toBe('[Image not loaded: Figure 2]');
  });

  it('keeps inline images but drops srcset, which could fetch remote ones', () => {
    const container = displayed(
      '<img src="data:image/png;base64,iVBORw0KGgo=" alt="chart" ' +
        'srcset="https://tracker.example/a.png 1x, https://tracker.example/b.png 2x">' +
        '<picture><source srcset="https://tracker.example/c.png"><img alt="photo"></picture>',
    );

    expect(attributes(container)).toEqual([
      'img src="data:image/png;base64,iVBORw0KGgo="',
      'img alt="chart"',
      'span class="reader-image-note"',
    ]);
  });

  it('drops the background attribute, which would load a remote image', () => {
    const container = displayed(
      '<table background="https://tracker.example/t.gif"><tbody><tr>' +
        '<td background="https://tracker.example/d.gif">cell</td></tr></tbody></table>' +
        '<div background="https://tracker.example/div.gif">text</div>',
    );

    expect(attributes(container)).toEqual([]);
    expect(container.textContent).toBe('celltext');
  });

  it('drops formaction, action, ping, poster, style and data attributes', () => {
    const container = displayed(
      '<a href="https://example.org/" ping="https://tracker.example/ping" ' +
        'style="position:fixed;inset:0" data-track="1">link</a>' +
        '<button formaction="javascript:alert(1)">go</button>' +
        '<video poster="https://tracker.example/poster.png"></video>' +
        '<p cite="https://tracker.example/" usemap="#map" class="pane-problem">text</p>',
    );

    expect(attributes(container)).toEqual([
      'a href="https://example.org/"',
      'a target="_blank"',
      'a rel="noopener noreferrer"',
    ]);
  });

  it('drops ids and names, so feed content cannot clobber the document or the app', () => {
    const container = displayed(
      '<img name="getElementById" src="data:image/png;base64,iVBORw0KGgo=" alt="x">' +
        '<a id="location" name="cookie" href="https://example.org/">a</a>' +
        '<p id="root">p</p>',
    );
    document.body.append(container);

    expect(container.querySelectorAll('[id], [name]')).toHaveLength(0);
    expect(typeof document.getElementById).toBe('function');
    container.remove();
  });

  it('keeps mailto links clickable, opening outside the app like web links', () => {
    const container = displayed('<a href="mailto:editor@example.org?subject=Letter">write</a>');

    expect(attributes(container)).toEqual([
      'a href="mailto:editor@example.org?subject=Letter"',
      'a target="_blank"',
      'a rel="noopener noreferrer"',
    ]);
  });

  it('makes addresses and DOIs written as text into links, and nothing else', () => {
    const container = displayed(
      '<p>Read it: doi:10.1056/NEJMoa2107038, slides at club.example.org/jc. javascript:alert(1)</p>',
    );

    expect(
      [...container.querySelectorAll('a')].map((link) => [link.textContent, link.href, link.rel]),
    ).toEqual([
      ['10.1056/NEJMoa2107038', 'https://doi.org/10.1056/NEJMoa2107038', 'noopener noreferrer'],
      ['club.example.org/jc', 'https://club.example.org/jc', 'noopener noreferrer'],
    ]);
    expect(container.textContent).toContain('javascript:alert(1)');
  });
});
