import { describe, expect, it } from 'vitest';
import { newAnnotation, type Annotation } from './annotation';
import {
  annotationsMarkdown,
  escapeMarkdown,
  paperAnnotationsMarkdown,
  type AnnotatedPaper,
} from './annotationsMarkdown';
import { DEFAULT_HIGHLIGHT_MEANINGS, resolveHighlightMeanings } from './highlightColours';
import { describeTextRange } from './selectors';

const TEXT =
  'Early heparin reduced death at 90 days. Bleeding was similar. Dosing was by weight. ' +
  'Allocation was concealed by a central web system.';

const PAPER: AnnotatedPaper = {
  title: 'Heparin in septic shock',
  authors: ['Ana Silva', 'Ben Okafor', 'Chen Wei', 'Dara Byrne'],
  journal: 'N Engl J Med',
  publishedAt: '2026-02-11T00:00:00.000Z',
  doi: '10.1056/NEJMoa2400001',
  link: 'https://www.nejm.org/doi/full/10.1056/NEJMoa2400001',
};

let counter = 0;
function highlight(
  passage: string,
  overrides: Partial<Annotation> = {},
  pageNumber?: number,
): Annotation {
  const start = TEXT.indexOf(passage);
  counter += 1;
  return {
    ...newAnnotation({
      id: `0f8b7c2e-5d1a-4c3b-9e2f-${String(counter).padStart(12, '0')}`,
      itemId: 'item-1',
      source: 'https://doi.org/10.1056/nejmoa2400001',
      selectors: describeTextRange(
        TEXT,
        start,
        start + passage.length,
        pageNumber === undefined ? {} : { pageNumber },
      )!,
      colour: 'yellow',
      now: '2026-03-02T09:30:00.000Z',
    }),
    ...overrides,
  };
}

describe('paperAnnotationsMarkdown', () => {
  const annotations = [
    highlight('Allocation was concealed', { colour: 'red', note: 'Good.' }),
    highlight('Early heparin reduced death at 90 days.', {
      note: 'NNT about 23.\nCheck absolute risks.',
      tags: ['sepsis', 'anticoagulation'],
    }),
    highlight('Bleeding was similar.', { colour: 'red' }),
  ];

  it('has the title, a citation line, and the highlights grouped by meaning in colour order', () => {
    const markdown = paperAnnotationsMarkdown(PAPER, annotations, {
      groupBy: 'colour',
      meanings: DEFAULT_HIGHLIGHT_MEANINGS,
    });

    expect(markdown).toBe(
      [
        '# Heparin in septic shock',
        '',
        'Ana Silva, Ben Okafor, Chen Wei, et al. *N Engl J Med*. 2026. <https://doi.org/10.1056/NEJMoa2400001>',
        '',
        '## Key finding',
        '',
        '> Early heparin reduced death at 90 days.',
        '',
        'NNT about 23.  ',
        'Check absolute risks.',
        '',
        'Tags: sepsis, anticoagulation',
        '',
        '## Methods concern',
        '',
        '> Bleeding was similar.',
        '',
        '> Allocation was concealed',
        '',
        'Good.',
        '',
      ].join('\n'),
    );
  });

  it('lists the highlights in reading order with their meaning and page when grouped by position', () => {
    const onPages = [
      highlight('Dosing was by weight.', { colour: 'blue' }, 2),
      highlight('Bleeding was similar.', { colour: 'red' }, 1),
    ];

    const markdown = paperAnnotationsMarkdown(PAPER, onPages, {
      groupBy: 'position',
      meanings: resolveHighlightMeanings({ blue: 'Ask the presenter' }),
    });

    expect(markdown).toContain(
      [
        '> Bleeding was similar.',
        '',
        '*Methods concern, p. 1*',
        '',
        '> Dosing was by weight.',
        '',
        '*Ask the presenter, p. 2*',
      ].join('\n'),
    );
  });

  it('escapes Markdown in titles, quotes, notes and tags so they read as typed', () => {
    const markdown = paperAnnotationsMarkdown(
      {
        ...PAPER,
        title: '*Not* [a link](javascript:x) <b>',
        journal: null,
        publishedAt: null,
        doi: null,
      },
      [
        highlight('Bleeding was similar.', {
          note: '# not a heading\n- not a list\n1. not numbered\n    not code\n<script>x</script> | pipe',
          tags: ['_under_'],
        }),
      ],
      { groupBy: 'colour', meanings: DEFAULT_HIGHLIGHT_MEANINGS },
    );

    expect(markdown).toContain('# \\*Not\\* \\[a link\\](javascript:x) \\<b\\>');
    expect(markdown).toContain(
      '\\# not a heading  \n\\- not a list  \n1\\. not numbered  \nnot code  \n\\<script\\>x\\</script\\> \\| pipe',
    );
    expect(markdown).toContain('Tags: \\_under\\_');
    expect(markdown).toContain('<https://www.nejm.org/doi/full/10.1056/NEJMoa2400001>');
  });

  it('keeps a multi-line quote inside one blockquote', () => {
    const quoted = highlight('Bleeding was similar.');
    quoted.selectors.quote.exact = 'First line\n\nSecond > line';

    const markdown = paperAnnotationsMarkdown(PAPER, [quoted], {
      groupBy: 'position',
      meanings: DEFAULT_HIGHLIGHT_MEANINGS,
    });

    expect(markdown).toContain('> First line\n>\n> Second \\> line');
  });

  it('says so when a paper has no highlights', () => {
    expect(
      paperAnnotationsMarkdown(PAPER, [], {
        groupBy: 'colour',
        meanings: DEFAULT_HIGHLIGHT_MEANINGS,
      }),
    ).toContain('No highlights.');
  });
});

describe('annotationsMarkdown', () => {
  it('puts every paper under one heading, each paper a level below', () => {
    const markdown = annotationsMarkdown(
      [
        { paper: PAPER, annotations: [highlight('Bleeding was similar.')] },
        {
          paper: { ...PAPER, title: 'Second paper' },
          annotations: [highlight('Dosing was by weight.')],
        },
      ],
      { groupBy: 'colour', meanings: DEFAULT_HIGHLIGHT_MEANINGS, title: 'Journal club, March' },
    );

    expect(markdown.startsWith('# Journal club, March\n')).toBe(true);
    expect(markdown).toContain('\n## Heparin in septic shock\n');
    expect(markdown).toContain('\n## Second paper\n');
    expect(markdown).toContain('\n### Key finding\n');
  });
});

describe('escapeMarkdown', () => {
  it('leaves ordinary prose alone', () => {
    expect(escapeMarkdown('Death at 90 days (HR 0.84; 95% CI 0.72-0.98).')).toBe(
      'Death at 90 days (HR 0.84; 95% CI 0.72-0.98).',
    );
  });
});
