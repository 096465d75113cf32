import { describe, expect, it } from 'vitest';
import type { OpmlSubscription } from './OpmlOutline';
import { escapeXml, writeOpml } from './writeOpml';

function subscription(fields: Partial<OpmlSubscription> & { title: string }): OpmlSubscription {
  return {
    url: `https://${fields.title.toLowerCase().replace(/\W+/g, '')}.example/rss`,
    siteUrl: null,
    folder: [],
    tags: [],
    refreshIntervalMinutes: null,
    ...fields,
  };
}

describe('writeOpml', () => {
  it('writes an OPML 2.0 head with the title and an RFC 822 creation date', () => {
    const text = writeOpml({
      title: 'Rounds subscriptions',
      dateCreated: '2026-11-25T09:30:00.000Z',
      subscriptions: [],
    });
    expect(text).toContain('<opml version="2.0">');
    expect(text).toContain('<title>Rounds subscriptions</title>');
    expect(text).toContain('<dateCreated>Wed, 25 Nov 2026 09:30:00 GMT</dateCreated>');
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
  });

  it('nests folders, folders before feeds, each in name order', () => {
    const text = writeOpml({
      title: 't',
      dateCreated: '2026-01-01T00:00:00Z',
      subscriptions: [
        subscription({ title: 'Zeta' }),
        subscription({ title: 'Heart', folder: ['Cardiology'] }),
        subscription({ title: 'Alpha' }),
        subscription({ title: 'HF', folder: ['Cardiology', 'Heart failure'] }),
      ],
    });
    const names = [...text.matchAll(/<outline (?:type="rss" )?text="([^"]+)"/g)].map((m) => m[1]);
    expect(names).toEqual(['Cardiology', 'Heart failure', 'HF', 'Heart', 'Alpha', 'Zeta']);
    expect(text).toContain(
      '      <outline text="Heart failure" title="Heart failure">\n' +
        '        <outline type="rss" text="HF" title="HF" xmlUrl="https://hf.example/rss"/>\n' +
        '      </outline>',
    );
  });

  it('writes the site address, tags as a category and a non-default refresh interval', () => {
    const text = writeOpml({
      title: 't',
      dateCreated: '2026-01-01T00:00:00Z',
      subscriptions: [
        subscription({
          title: 'J',
          siteUrl: 'https://j.example/',
          tags: ['trials', 'heart failure'],
          refreshIntervalMinutes: 120,
        }),
      ],
    });
    expect(text).toContain(
      '<outline type="rss" text="J" title="J" xmlUrl="https://j.example/rss" ' +
        'htmlUrl="https://j.example/" category="trials,heart failure" refreshIntervalMinutes="120"/>',
    );
  });
});

describe('escapeXml', () => {
  it('escapes markup characters and quotes', () => {
    expect(escapeXml(`Tom & Jerry's <b>"news"</b>`)).toBe(
      'Tom &amp; Jerry&apos;s &lt;b&gt;&quot;news&quot;&lt;/b&gt;',
    );
  });

  it('keeps tabs and line breaks as references and drops what XML cannot carry', () => {
    expect(escapeXml('a\tb\nc\rd')).toBe('a&#9;b&#10;c&#13;d');
    expect(escapeXml('bell\u0007 null\u0000 ok\uFFFF')).toBe('bell null ok');
    expect(escapeXml('lone \uD800 half, whole 😀')).toBe('lone  half, whole 😀');
  });
});
