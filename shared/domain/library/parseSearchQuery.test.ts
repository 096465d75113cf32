import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../testing/seededRandom';
import {
  compileFtsMatch,
  highlightTermsOf,
  isEmptySearch,
  type ParsedSearchQuery,
  parseSearchQuery,
  SEARCH_COLUMNS,
} from './parseSearchQuery';

function parsed(text: string): ParsedSearchQuery {
  const result = parseSearchQuery(text);
  if (!result.ok) throw new Error(`expected ${text} to parse, got: ${result.message}`);
  return result.query;
}

function problemOf(text: string): string {
  const result = parseSearchQuery(text);
  if (result.ok) throw new Error(`expected ${text} to be refused`);
  return result.message;
}

function matchOf(text: string): string | null {
  return compileFtsMatch(parsed(text)).match;
}

describe('parseSearchQuery: words and phrases', () => {
  it('makes typed words prefixes and quoted phrases exact, folding case and accents', () => {
    expect(parsed('SGLT2 "Heart  Failure" Médecine').include).toEqual([
      { words: ['sglt2'], prefix: true, field: null },
      { words: ['heart', 'failure'], prefix: false, field: null },
      { words: ['medecine'], prefix: true, field: null },
    ]);
  });

  it('keeps the words of a hyphenated term together, in order', () => {
    expect(parsed('covid-19').include).toEqual([
      { words: ['covid', '19'], prefix: true, field: null },
    ]);
  });

  it('runs an unclosed quote to the end, and ignores punctuation on its own', () => {
    expect(parsed('- ; "ejection fraction').include).toEqual([
      { words: ['ejection', 'fraction'], prefix: false, field: null },
    ]);
  });

  it('matches long numbers (PubMed ids) whole, short ones as prefixes', () => {
    expect(parsed('38123456 2024').include).toEqual([
      { words: ['38123456'], prefix: false, field: null },
      { words: ['2024'], prefix: true, field: null },
    ]);
  });

  it('treats an unknown name: prefix as text', () => {
    expect(parsed('http://example.org').include).toEqual([
      { words: ['http', 'example', 'org'], prefix: true, field: null },
    ]);
  });

  it('is empty for blank or punctuation-only text', () => {
    expect(isEmptySearch(parsed(''))).toBe(true);
    expect(isEmptySearch(parsed(' " - ; ** () '))).toBe(true);
    expect(isEmptySearch(parsed('author:'))).toBe(true);
    expect(isEmptySearch(parsed('heart'))).toBe(false);
    expect(isEmptySearch(parsed('year:2024'))).toBe(false);
  });
});

describe('parseSearchQuery: field filters', () => {
  it('limits words and phrases to title, authors, journal or feed', () => {
    expect(
      parsed('title:empagliflozin Author:"van der Berg" journal:lancet feed:cardio authors:anker')
        .include,
    ).toEqual([
      { words: ['empagliflozin'], prefix: true, field: 'title' },
      { words: ['van', 'der', 'berg'], prefix: false, field: 'author' },
      { words: ['lancet'], prefix: true, field: 'journal' },
      { words: ['cardio'], prefix: true, field: 'feed' },
      { words: ['anker'], prefix: true, field: 'author' },
    ]);
  });

  it('reads exact identifiers, normalised as the library stores them', () => {
    const query = parsed('doi:10.1056/NEJMoa2301234 pmid:038123456 arxiv:arXiv:2401.01234v2');
    expect(query.dois).toEqual(['10.1056/nejmoa2301234']);
    expect(query.pmids).toEqual(['38123456']);
    expect(query.arxivIds).toEqual(['2401.01234']);
    expect(query.include).toEqual([]);
  });

  it('recognises a DOI typed on its own, bare or as a link', () => {
    expect(parsed('10.1056/NEJMoa2301234').dois).toEqual(['10.1056/nejmoa2301234']);
    expect(parsed('https://doi.org/10.1001/jama.2024.1.').dois).toEqual(['10.1001/jama.2024.1']);
  });

  it('refuses identifiers that are not one, saying what one looks like', () => {
    expect(problemOf('doi:hello')).toBe(
      '“doi:hello” is not a DOI: a DOI looks like 10.1056/NEJMoa2301234.',
    );
    expect(problemOf('pmid:12ab')).toBe(
      '“pmid:12ab” is not a PubMed id: a PMID is a number such as 38123456.',
    );
    expect(problemOf('arxiv:foo')).toBe(
      '“arxiv:foo” is not an arXiv id: one looks like 2401.01234.',
    );
  });
});

describe('parseSearchQuery: dates', () => {
  it('reads after: as from the end of the period, before: as up to its start', () => {
    expect(parsed('after:2024-01')).toMatchObject({
      datedFrom: '2024-02-01T00:00:00.000Z',
      datedBefore: null,
    });
    expect(parsed('before:2025')).toMatchObject({
      datedFrom: null,
      datedBefore: '2025-01-01T00:00:00.000Z',
    });
    expect(parsed('after:2024-02-28')).toMatchObject({ datedFrom: '2024-02-29T00:00:00.000Z' });
  });

  it('reads year: as the whole year, and keeps the narrowest of several filters', () => {
    expect(parsed('year:2024 after:2024-05 before:2026')).toMatchObject({
      datedFrom: '2024-06-01T00:00:00.000Z',
      datedBefore: '2025-01-01T00:00:00.000Z',
    });
  });

  it('refuses dates that do not exist, with the forms it accepts', () => {
    expect(problemOf('after:2024-13')).toBe(
      '“after:2024-13” is not a date: write a year (after:2024), a month (after:2024-03) or a day (after:2024-03-31).',
    );
    expect(problemOf('before:2023-02-29')).toMatch(/^“before:2023-02-29” is not a date/);
    expect(problemOf('year:24')).toBe(
      '“year:24” is not a year: write four digits, as in year:2024.',
    );
  });
});

describe('parseSearchQuery: exclusions', () => {
  it('leaves out words, phrases and fielded terms after a minus sign', () => {
    const query = parsed('heart -mice -"case report" -author:smith');
    expect(query.include).toEqual([{ words: ['heart'], prefix: true, field: null }]);
    expect(query.exclude).toEqual([
      { words: ['mice'], prefix: true, field: null },
      { words: ['case', 'report'], prefix: false, field: null },
      { words: ['smith'], prefix: true, field: 'author' },
    ]);
  });

  it('refuses to exclude identifiers and dates, saying what can be excluded', () => {
    expect(problemOf('heart -year:2024')).toBe(
      '“-year:2024” cannot be searched: a minus sign can leave out words, phrases and title:, author:, journal: or feed: terms, not year:.',
    );
  });
});

describe('compileFtsMatch', () => {
  it('quotes every term, prefixes typed words and names the field’s column', () => {
    expect(matchOf('heart "ejection fraction" author:anker')).toBe(
      '"heart"* AND "ejection fraction" AND authors : "anker"*',
    );
  });

  it('excludes terms with NOT, or on their own when nothing is required', () => {
    expect(compileFtsMatch(parsed('heart -mice -rats'))).toEqual({
      match: '("heart"*) NOT ("mice"* OR "rats"*)',
      exclude: null,
    });
    expect(compileFtsMatch(parsed('-mice'))).toEqual({ match: null, exclude: '"mice"*' });
    expect(compileFtsMatch(parsed('doi:10.1056/x'))).toEqual({ match: null, exclude: null });
  });

  it('turns FTS5 operators and syntax typed by the user into quoted words', () => {
    expect(matchOf('NEAR(a b) title : x* OR ^y AND "z')).toBe(
      '"near a"* AND "b"* AND "title"* AND "x"* AND "or"* AND "y"* AND "and"* AND "z"',
    );
  });

  it('only ever produces quoted words, known columns and FTS5 operators (10,000 random queries)', () => {
    const random = seededRandom(20260507);
    const alphabet = [
      ...'abcXYZ019 -"\'*^:(){}[]+,.;/\\\t\n_',
      'NEAR',
      'AND',
      'OR',
      'NOT',
      'title:',
      'author:',
      'doi:',
      'pmid:',
      'after:',
      'year:',
      'é',
      'ß',
      'İ',
      '≥',
      '\u0000',
      '\u200f',
      '🧑‍⚕️',
      '10.1056/',
    ];
    const columns = SEARCH_COLUMNS.join('|');
    const grammar = new RegExp(
      `^(?:\\s*(?:\\(|\\)|AND|OR|NOT|(?:${columns}) :|"[\\p{L}\\p{N} ]+"\\*?))*\\s*$`,
      'u',
    );
    for (let run = 0; run < 10_000; run++) {
      const length = Math.floor(random() * 24);
      let text = '';
      for (let k = 0; k < length; k++) text += alphabet[Math.floor(random() * alphabet.length)];
      const result = parseSearchQuery(text);
      if (!result.ok) {
        expect(result.message, text).toMatch(/^“.+” (is not|cannot be searched)/su);
        continue;
      }
      const { match, exclude } = compileFtsMatch(result.query);
      for (const expression of [match, exclude]) {
        if (expression !== null) expect(expression, JSON.stringify(text)).toMatch(grammar);
      }
    }
  });
});

describe('highlightTermsOf', () => {
  it('lists the required words and phrases once each, not the excluded ones', () => {
    expect(highlightTermsOf(parsed('Heart "heart failure" heart -mice author:Anker'))).toEqual([
      'heart',
      'heart failure',
      'anker',
    ]);
  });
});

describe('parseSearchQuery: is:annotated', () => {
  it('narrows to annotated papers, alone or with words, and is a search of its own', () => {
    expect(parsed('is:annotated')).toMatchObject({ annotated: true, include: [] });
    expect(parsed('IS:Annotated sepsis')).toMatchObject({
      annotated: true,
      include: [{ words: ['sepsis'] }],
    });
    expect(isEmptySearch(parsed('is:annotated'))).toBe(false);
    expect(parsed('sepsis')).toMatchObject({ annotated: false });
  });

  it('says what is:annotated is for when it is misspelt or negated', () => {
    expect(problemOf('is:starred')).toBe(
      '“is:starred” is not something Rounds can search for: is:annotated finds the papers you highlighted or wrote notes on.',
    );
    expect(problemOf('-is:annotated')).toBe(
      '“-is:annotated” cannot be searched: is:annotated can narrow a search, not leave papers out.',
    );
  });
});
