import { describe, expect, it } from 'vitest';
import { utf8ByteLength } from '../textUnits';
import { blueskyFacets, type BlueskyFacet } from './blueskyFacets';

function link(byteStart: number, byteEnd: number, uri: string): BlueskyFacet {
  return {
    index: { byteStart, byteEnd },
    features: [{ $type: 'app.bsky.richtext.facet#link', uri }],
  };
}

function tag(byteStart: number, byteEnd: number, name: string): BlueskyFacet {
  return {
    index: { byteStart, byteEnd },
    features: [{ $type: 'app.bsky.richtext.facet#tag', tag: name }],
  };
}

/** The text a facet covers, cut at its UTF-8 byte offsets as Bluesky's apps do. */
function coveredText(text: string, facet: BlueskyFacet): string {
  let covered = '';
  let byte = 0;
  for (const character of text) {
    if (byte >= facet.index.byteStart && byte < facet.index.byteEnd) covered += character;
    byte += utf8ByteLength(character);
  }
  return covered;
}

describe('blueskyFacets', () => {
  it.each<[string, string, BlueskyFacet[]]>([
    ['plain text', 'Early anticoagulation did not help.', []],
    [
      'an https link',
      'Read https://doi.org/10.1056/NEJMoa2312345 today',
      [link(5, 42, 'https://doi.org/10.1056/NEJMoa2312345')],
    ],
    [
      'a link ending a sentence (the full stop is not part of it)',
      'Paper: https://nejm.org/x.',
      [link(7, 25, 'https://nejm.org/x')],
    ],
    [
      'a bare domain, linked as https',
      'See doi.org/10.1/x',
      [link(4, 18, 'https://doi.org/10.1/x')],
    ],
    [
      'an emoji before a link (4 bytes, 2 UTF-16 units)',
      '😷 doi.org/10.1/x',
      [link(5, 19, 'https://doi.org/10.1/x')],
    ],
    [
      'accents before a link (2 bytes each)',
      'Étude café: https://a.org/é',
      [link(14, 30, 'https://a.org/é')],
    ],
    [
      'a family emoji (ZWJ sequence of 25 bytes) before a link',
      '👨‍👩‍👧 https://a.org',
      [link(19, 32, 'https://a.org')],
    ],
    ['a link in parentheses', '(see https://a.org/trial)', [link(5, 24, 'https://a.org/trial')]],
    [
      'a link whose own parentheses are balanced',
      'https://en.wikipedia.org/wiki/Sepsis_(disease)',
      [link(0, 46, 'https://en.wikipedia.org/wiki/Sepsis_(disease)')],
    ],
    [
      'a link followed by several punctuation marks',
      'Wow https://a.org/x?!',
      [link(4, 19, 'https://a.org/x')],
    ],
    ['an abbreviation is not a domain', 'e.g. this, i.e. that, Fig.2 and p.5', []],
    ['an e-mail address is not linked', 'Write to editor@nejm.org please', []],
    [
      'hashtags, without their punctuation',
      '#sepsis, #AKI!',
      [tag(0, 7, 'sepsis'), tag(9, 13, 'AKI')],
    ],
    ['a hashtag with accents after an emoji', '🫀 #santé publique', [tag(5, 12, 'santé')]],
    ['a number is not a hashtag', 'Trial #1 and #2', []],
    ['a hashtag with digits', 'Long #COVID19 cohort', [tag(5, 13, 'COVID19')]],
    ['a # inside a word is not a hashtag', 'C# and a.org/#x', [link(7, 15, 'https://a.org/#x')]],
    [
      'links and hashtags together, in order of position',
      '#EBM — doi.org/10.1/x #JournalClub',
      [tag(0, 4, 'EBM'), link(9, 23, 'https://doi.org/10.1/x'), tag(24, 36, 'JournalClub')],
    ],
  ])('%s', (_case, text, expected) => {
    const facets = blueskyFacets(text);
    expect(facets).toEqual(expected);
  });

  it('places every facet exactly on the text it names', () => {
    const text = 'Ça va 😷👍🏽 — voir https://doi.org/10.1/ä, puis #Néphro.';
    const facets = blueskyFacets(text);
    expect(facets.map((facet) => coveredText(text, facet))).toEqual([
      'https://doi.org/10.1/ä',
      '#Néphro',
    ]);
  });

  it('leaves out a hashtag longer than Bluesky allows (64 characters)', () => {
    expect(blueskyFacets(`#${'a'.repeat(65)}`)).toEqual([]);
    expect(blueskyFacets(`#${'a'.repeat(64)}`)).toHaveLength(1);
  });
});
