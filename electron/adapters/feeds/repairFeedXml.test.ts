import { describe, expect, it } from 'vitest';
import { repairFeedXml } from './repairFeedXml';

describe('repairFeedXml', () => {
  it('escapes bare ampersands and unknown entity names, keeping XML entities and references', () => {
    expect(repairFeedXml('<t a="x?a=1&b=2">Q&A &amp; &lt; &#233; &#xE9; &bogus; & end&</t>')).toBe(
      '<t a="x?a=1&amp;b=2">Q&amp;A &amp; &lt; &#233; &#xE9; &amp;bogus; &amp; end&amp;</t>',
    );
  });

  it('turns HTML entity names into character references, so they are decoded exactly once', () => {
    expect(repairFeedXml('<t>5&nbsp;mg &ndash; caf&eacute; &amp;lt;</t>')).toBe(
      '<t>5&#160;mg &#8211; caf&#233; &amp;lt;</t>',
    );
  });

  it('leaves CDATA sections and comments as they are', () => {
    const xml = '<t><![CDATA[Tom & Jerry]]><!-- R&D --> & </t>';

    expect(repairFeedXml(xml)).toBe('<t><![CDATA[Tom & Jerry]]><!-- R&D --> &amp; </t>');
  });

  it('drops the document type declaration with its entity declarations', () => {
    const xml =
      '<?xml version="1.0"?>\n<!-- feed -->\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<rss>&xxe;</rss>';

    expect(repairFeedXml(xml)).toBe('<?xml version="1.0"?>\n<!-- feed -->\n\n<rss>&amp;xxe;</rss>');
  });

  it('keeps a DOCTYPE-looking text inside content, which is not a declaration', () => {
    const xml = '<rss><d><![CDATA[<!DOCTYPE html><p>x</p>]]></d></rss>';

    expect(repairFeedXml(xml)).toBe(xml);
  });

  it('removes characters XML forbids', () => {
    expect(repairFeedXml('<t>a\u0000b\u000Bc\u001Fd\tok\n</t>')).toBe('<t>abcd\tok\n</t>');
  });

  it('drops a DOCTYPE whose internal subset holds ">", "]" and comments in its declarations', () => {
    const xml =
      '<?xml version="1.0"?><!DOCTYPE rss [<!-- a ] > comment --><!ENTITY a "x > ] y"><!ENTITY b \'<&c;>\'>]><rss>&a;&b;</rss>';

    expect(repairFeedXml(xml)).toBe('<?xml version="1.0"?><rss>&amp;a;&amp;b;</rss>');
  });

  it('removes character references to characters XML forbids instead of failing the feed', () => {
    expect(repairFeedXml('<t>a&#0;b&#x1F;c&#xFFFE;d&#9;&#x1F600;</t>')).toBe(
      '<t>abcd&#9;&#x1F600;</t>',
    );
  });

  it('leaves processing instructions as written and repairs attribute values', () => {
    const xml =
      '<?xml-stylesheet href="s.xsl?a=1&b=2"?><rss><link href="x?a=1&b=2&amp;c=3"/></rss>';

    expect(repairFeedXml(xml)).toBe(
      '<?xml-stylesheet href="s.xsl?a=1&b=2"?><rss><link href="x?a=1&amp;b=2&amp;c=3"/></rss>',
    );
  });

  it('reads a document made only of prolog pieces, and an unterminated CDATA section, unchanged', () => {
    const prolog = `<?xml version="1.0"?>${'<?pi x?><!-- c -->'.repeat(20_000)}<rss/>`;

    expect(repairFeedXml(prolog)).toBe(prolog);
    expect(repairFeedXml('<rss><t><![CDATA[a & b')).toBe('<rss><t><![CDATA[a & b');
  });
});
