import { describe, expect, it } from 'vitest';
import { catalogueFromOpml } from './catalogueFromOpml';
import type { OpmlOutline } from './OpmlOutline';

function outline(attributes: Record<string, string>, children: OpmlOutline[] = []): OpmlOutline {
  return { attributes, children };
}

const entry = (text: string, xmlUrl: string, extra: Record<string, string> = {}) =>
  outline({ text, xmlUrl, publisher: 'A Publisher', kind: 'journal', ...extra });

describe('catalogueFromOpml', () => {
  it('reads entries with their group, publisher, kind and a stable id', () => {
    const { entries, problems } = catalogueFromOpml([
      outline({ text: 'Paediatrics' }, [
        entry('Archives of Disease in Childhood', 'https://adc.example/rss', {
          htmlUrl: 'https://adc.example/',
        }),
      ]),
    ]);
    expect(problems).toEqual([]);
    expect(entries).toEqual([
      {
        id: 'paediatrics/archives-of-disease-in-childhood',
        title: 'Archives of Disease in Childhood',
        url: 'https://adc.example/rss',
        siteUrl: 'https://adc.example/',
        publisher: 'A Publisher',
        specialty: 'Paediatrics',
        kind: 'journal',
      },
    ]);
  });

  it('reports unknown groups, kinds, missing publishers and repeated addresses', () => {
    const { entries, problems } = catalogueFromOpml([
      outline({ text: 'Astrology' }, [entry('Stars', 'https://stars.example/rss')]),
      outline({ text: 'Cardiology' }, [
        entry('Good', 'https://good.example/rss'),
        entry('Again', 'https://GOOD.example/rss'),
        entry('Odd kind', 'https://odd.example/rss', { kind: 'podcast' }),
        outline({ text: 'Nobody', xmlUrl: 'https://nobody.example/rss', kind: 'journal' }),
        entry('No address', 'ftp://files.example/rss'),
      ]),
    ]);
    expect(entries.map((e) => e.title)).toEqual(['Good']);
    expect(problems).toEqual([
      expect.stringContaining('Astrology'),
      expect.stringContaining('repeats the address'),
      expect.stringContaining('unknown kind'),
      expect.stringContaining('publisher'),
      expect.stringContaining('no usable feed address'),
    ]);
  });
});
