import { describe, expect, it } from 'vitest';
import {
  blocksSharing,
  comparableDoi,
  type EditorialNotice,
  mostSevere,
  noticesFromCrossref,
  readCrossrefNotices,
  RETRACTION_KINDS,
} from './retractionStatus';

const CHECKED_DOI = '10.1016/s0140-6736(97)11096-0';

/** A `/works?filter=updates:<doi>` answer as Crossref's REST API shapes it. */
function worksList(items: unknown[]): unknown {
  return {
    status: 'ok',
    'message-type': 'work-list',
    'message-version': '1.0.0',
    message: {
      facets: {},
      'total-results': items.length,
      items,
      'items-per-page': 50,
      query: { 'start-index': 0, 'search-terms': null },
    },
  };
}

function dateParts(year: number, month?: number, day?: number): unknown {
  return { 'date-parts': [[year, month, day].filter((part) => part !== undefined)] };
}

// A retraction notice deposited by the publisher and matched by Retraction Watch: Crossref lists
// the same update twice, once per source.
const RETRACTION_NOTICE = {
  DOI: '10.1016/S0140-6736(10)60175-4',
  type: 'journal-article',
  title: ['Retraction—Ileal-lymphoid-nodular hyperplasia'],
  'container-title': ['The Lancet'],
  issued: dateParts(2010, 2, 6),
  created: {
    'date-parts': [[2010, 2, 5]],
    'date-time': '2010-02-05T10:11:12Z',
    timestamp: 1265364672000,
  },
  'update-to': [
    {
      updated: {
        'date-parts': [[2010, 2, 2]],
        'date-time': '2010-02-02T00:00:00Z',
        timestamp: 1265068800000,
      },
      DOI: '10.1016/S0140-6736(97)11096-0',
      type: 'retraction',
      source: 'publisher',
      label: 'Retraction',
    },
    {
      updated: {
        'date-parts': [[2010, 2, 2]],
        'date-time': '2010-02-02T00:00:00Z',
        timestamp: 1265068800000,
      },
      DOI: '10.1016/s0140-6736(97)11096-0',
      type: 'retraction',
      source: 'retraction-watch',
      label: 'Retraction',
      'record-id': '17270',
    },
  ],
};

const CORRECTION_NOTICE = {
  DOI: '10.1016/S0140-6736(04)15715-2',
  type: 'journal-article',
  title: ['Retraction of an interpretation'],
  issued: dateParts(2004, 3, 6),
  'update-to': [
    {
      updated: dateParts(2004, 3, 6),
      DOI: '10.1016/S0140-6736(97)11096-0',
      type: 'correction',
      source: 'retraction-watch',
      label: 'Correction',
      'record-id': '17269',
    },
  ],
};

// An erratum that corrects two papers at once: only the entry for the checked paper counts.
const ERRATUM_FOR_ANOTHER_PAPER = {
  DOI: '10.1016/s0140-6736(05)99999-9',
  type: 'journal-article',
  'update-to': [
    {
      updated: dateParts(2005, 1, 1),
      DOI: '10.1016/S0140-6736(04)00000-1',
      type: 'retraction',
      source: 'publisher',
      label: 'Retraction',
    },
    {
      updated: dateParts(2005, 1, 1),
      DOI: '10.1016/S0140-6736(97)11096-0',
      type: 'new_version',
      source: 'publisher',
      label: 'New version',
    },
  ],
};

describe('noticesFromCrossref', () => {
  it('reads a retraction listed by both the publisher and Retraction Watch as one notice', () => {
    const notices = noticesFromCrossref(CHECKED_DOI, worksList([RETRACTION_NOTICE]));

    expect(notices).toEqual<EditorialNotice[]>([
      {
        kind: 'retracted',
        noticeDoi: '10.1016/s0140-6736(10)60175-4',
        date: '2010-02-02',
        source: 'crossref',
      },
    ]);
  });

  it('reads a correction, dated from its date parts', () => {
    const notices = noticesFromCrossref(CHECKED_DOI, worksList([CORRECTION_NOTICE]));

    expect(notices).toEqual<EditorialNotice[]>([
      {
        kind: 'corrected',
        noticeDoi: '10.1016/s0140-6736(04)15715-2',
        date: '2004-03-06',
        source: 'crossref',
      },
    ]);
  });

  it('ignores updates to other papers and kinds of update that say nothing about validity', () => {
    expect(noticesFromCrossref(CHECKED_DOI, worksList([ERRATUM_FOR_ANOTHER_PAPER]))).toEqual([]);
  });

  it('keeps every notice of a paper that was corrected and then retracted', () => {
    const notices = noticesFromCrossref(
      CHECKED_DOI,
      worksList([CORRECTION_NOTICE, ERRATUM_FOR_ANOTHER_PAPER, RETRACTION_NOTICE]),
    );

    expect(notices.map((notice) => notice.kind)).toEqual(['corrected', 'retracted']);
  });

  it.each([
    ['retraction', 'retracted'],
    ['partial_retraction', 'retracted'],
    ['withdrawal', 'withdrawn'],
    ['removal', 'withdrawn'],
    ['correction', 'corrected'],
    ['erratum', 'corrected'],
    ['corrigendum', 'corrected'],
    ['expression_of_concern', 'expression-of-concern'],
    ['Expression of concern', 'expression-of-concern'],
  ])('maps the update type %s to %s', (type, kind) => {
    const item = {
      DOI: '10.5555/notice',
      'update-to': [{ DOI: CHECKED_DOI, type, updated: dateParts(2024, 6) }],
    };

    expect(noticesFromCrossref(CHECKED_DOI, worksList([item]))).toEqual([
      { kind, noticeDoi: '10.5555/notice', date: '2024-06', source: 'crossref' },
    ]);
  });

  it.each(['addendum', 'clarification', 'new_edition', 'reinstatement', 'comment', ''])(
    'ignores the update type "%s"',
    (type) => {
      const item = { DOI: '10.5555/notice', 'update-to': [{ DOI: CHECKED_DOI, type }] };

      expect(noticesFromCrossref(CHECKED_DOI, worksList([item]))).toEqual([]);
    },
  );

  it('matches the checked DOI however either side writes it', () => {
    const item = {
      DOI: '10.5555/NOTICE',
      'update-to': [{ DOI: 'https://doi.org/10.1016/S0140-6736(97)11096-0', type: 'retraction' }],
    };

    const notices = noticesFromCrossref('doi:10.1016/S0140-6736(97)11096-0', worksList([item]));

    expect(notices).toEqual([
      { kind: 'retracted', noticeDoi: '10.5555/notice', date: null, source: 'crossref' },
    ]);
  });

  it("falls back to the notice's own publication date, then leaves the date empty", () => {
    const dated = {
      DOI: '10.5555/a',
      issued: dateParts(2019),
      'update-to': [{ DOI: CHECKED_DOI, type: 'withdrawal' }],
    };
    const undated = {
      DOI: '10.5555/b',
      issued: { 'date-parts': [[null]] },
      'update-to': [{ DOI: CHECKED_DOI, type: 'withdrawal', updated: { 'date-parts': 'soon' } }],
    };

    const notices = noticesFromCrossref(CHECKED_DOI, worksList([dated, undated]));

    expect(notices.map((notice) => notice.date)).toEqual(['2019', null]);
  });

  it("reads a single work's updated-by list (the /works/<doi> answer) the same way", () => {
    const work = {
      status: 'ok',
      'message-type': 'work',
      message: {
        DOI: '10.1016/S0140-6736(97)11096-0',
        'updated-by': [
          {
            updated: dateParts(2010, 2, 2),
            DOI: '10.1016/s0140-6736(10)60175-4',
            type: 'retraction',
            source: 'retraction-watch',
            label: 'Retraction',
            'record-id': '17270',
          },
        ],
      },
    };

    expect(noticesFromCrossref(CHECKED_DOI, work)).toEqual([
      {
        kind: 'retracted',
        noticeDoi: '10.1016/s0140-6736(10)60175-4',
        date: '2010-02-02',
        source: 'crossref',
      },
    ]);
  });

  it('skips malformed items and entries but keeps the good ones beside them', () => {
    const body = worksList([
      null,
      'text',
      { DOI: 42, 'update-to': [{ DOI: CHECKED_DOI, type: 'retraction' }] },
      { DOI: '10.5555/x', 'update-to': 'retraction' },
      { DOI: '10.5555/y', 'update-to': [null, { type: 'retraction' }, { DOI: CHECKED_DOI }] },
      CORRECTION_NOTICE,
    ]);

    const notices = noticesFromCrossref(CHECKED_DOI, body);

    expect(notices.map((notice) => [notice.kind, notice.noticeDoi])).toEqual([
      ['retracted', null],
      ['corrected', '10.1016/s0140-6736(04)15715-2'],
    ]);
  });

  it.each([
    ['nothing', undefined],
    ['null', null],
    ['a string', '<html>Service unavailable</html>'],
    ['an error answer', { status: 'failed', 'message-type': 'validation-failure', message: [] }],
    ['a list without items', { status: 'ok', message: { 'total-results': 0 } }],
    ['an array', [RETRACTION_NOTICE]],
  ])('returns no notices, without throwing, for %s', (_name, body) => {
    expect(noticesFromCrossref(CHECKED_DOI, body)).toEqual([]);
    expect(readCrossrefNotices(CHECKED_DOI, body)).toBeNull();
  });

  it('tells an answer with no notices apart from an answer it could not read', () => {
    expect(readCrossrefNotices(CHECKED_DOI, worksList([]))).toEqual([]);
    expect(readCrossrefNotices(CHECKED_DOI, { message: 'nope' })).toBeNull();
  });

  it('reads nothing for a value that is not a DOI', () => {
    expect(readCrossrefNotices('not a doi', worksList([RETRACTION_NOTICE]))).toBeNull();
  });
});

describe('comparableDoi', () => {
  it.each([
    ['10.1056/NEJMoa2312345', '10.1056/nejmoa2312345'],
    [' https://doi.org/10.1056/NEJMoa2312345 ', '10.1056/nejmoa2312345'],
    ['doi:10.1101/19005215', '10.1101/19005215'],
    ['10.1056%2Fnejmoa2312345', '10.1056/nejmoa2312345'],
    ['nejm', null],
    ['', null],
  ])('%s → %s', (value, expected) => {
    expect(comparableDoi(value)).toBe(expected);
  });
});

describe('mostSevere', () => {
  const notice = (kind: EditorialNotice['kind'], date: string | null): EditorialNotice => ({
    kind,
    noticeDoi: null,
    date,
    source: 'crossref',
  });

  it('is null when there is no notice', () => {
    expect(mostSevere([])).toBeNull();
  });

  it('puts a retraction before a withdrawal, a concern and a correction', () => {
    const retraction = notice('retracted', '2010-02-02');

    expect(
      mostSevere([
        notice('corrected', '2024-01-01'),
        notice('expression-of-concern', '2023-01-01'),
        retraction,
        notice('withdrawn', '2022-01-01'),
      ]),
    ).toBe(retraction);
  });

  it('puts an expression of concern before a correction', () => {
    const concern = notice('expression-of-concern', null);

    expect(mostSevere([notice('corrected', '2024-01-01'), concern])).toBe(concern);
  });

  it('takes the latest of two notices of the same kind, undated ones last', () => {
    const latest = notice('corrected', '2024-05');

    expect(mostSevere([notice('corrected', null), notice('corrected', '2021-03-01'), latest])).toBe(
      latest,
    );
  });
});

describe('blocksSharing', () => {
  it('holds every kind of notice until the user acknowledges it', () => {
    expect(RETRACTION_KINDS.filter((kind) => blocksSharing(kind))).toEqual([
      'retracted',
      'withdrawn',
      'expression-of-concern',
      'corrected',
    ]);
  });
});
