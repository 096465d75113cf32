import { describe, expect, it } from 'vitest';
import { anchorHighlight } from './anchorHighlight';
import { describeTextRange, type HighlightSelectors } from './selectors';

const INTRODUCTION =
  'Sepsis is a common reason for admission to intensive care and carries a high risk of death. ' +
  'Clotting abnormalities are frequent in sepsis, and small trials have suggested that early ' +
  'anticoagulation might improve survival, but the evidence has been inconsistent.\n\n';
const METHODS =
  'We enrolled adults within twelve hours of a diagnosis of septic shock at 41 hospitals. ' +
  'Participants were randomly assigned to low-dose heparin or matching placebo for seven days. ' +
  'The primary outcome was death from any cause at 90 days.\n\n';
const RESULTS =
  'Of 2,114 participants, 1,057 received heparin. Death at 90 days occurred in 27.1% of the ' +
  'heparin group and 31.4% of the placebo group (hazard ratio 0.84; 95% confidence interval ' +
  '0.72 to 0.98). Major bleeding was similar in both groups.\n\n';
const SUBGROUPS =
  'In patients older than 75 years the benefit was smaller. Major bleeding was similar in both ' +
  'groups. Among patients with liver disease the confidence interval was wide.\n\n';
const PAPER = INTRODUCTION + METHODS + RESULTS + SUBGROUPS;

const INSERTED_PARAGRAPH =
  'Editorial note: this version corrects the affiliations of two authors and adds a data ' +
  'sharing statement; the results are unchanged.\n\n';

function highlight(text: string, passage: string, occurrence = 0): HighlightSelectors {
  let start = -1;
  for (let seen = 0; seen <= occurrence; seen += 1) start = text.indexOf(passage, start + 1);
  if (start < 0) throw new Error(`"${passage}" is not in the text`);
  const selectors = describeTextRange(text, start, start + passage.length);
  if (!selectors) throw new Error('nothing selected');
  return selectors;
}

function anchoredText(text: string, selectors: HighlightSelectors): string | null {
  const anchor = anchorHighlight(text, selectors);
  return anchor.status === 'anchored' ? text.slice(anchor.start, anchor.end) : null;
}

describe('anchorHighlight', () => {
  it('uses the stored position while the text there is unchanged', () => {
    const selectors = highlight(PAPER, 'The primary outcome was death from any cause at 90 days.');

    const anchor = anchorHighlight(PAPER, selectors);

    expect(anchor).toEqual({
      status: 'anchored',
      start: selectors.position!.start,
      end: selectors.position!.end,
      method: 'position',
    });
  });

  it('finds the quote again after a paragraph is inserted above it', () => {
    const selectors = highlight(PAPER, 'randomly assigned to low-dose heparin');
    const changed = INSERTED_PARAGRAPH + PAPER;

    const anchor = anchorHighlight(changed, selectors);

    expect(anchor).toMatchObject({ status: 'anchored', method: 'quote' });
    expect(anchoredText(changed, selectors)).toBe('randomly assigned to low-dose heparin');
  });

  it('re-anchors on the right words after a paragraph is inserted above and a word inside is changed', () => {
    const selectors = highlight(
      PAPER,
      'Death at 90 days occurred in 27.1% of the heparin group and 31.4% of the placebo group',
    );
    const changed =
      INSERTED_PARAGRAPH + PAPER.replace('27.1% of the heparin', '27.1% of the treatment');

    const anchor = anchorHighlight(changed, selectors);

    expect(anchor).toMatchObject({ status: 'anchored', method: 'fuzzy' });
    expect(anchoredText(changed, selectors)).toBe(
      'Death at 90 days occurred in 27.1% of the treatment group and 31.4% of the placebo group',
    );
  });

  it('re-anchors a short highlight whose one word changed, from its context', () => {
    const selectors = highlight(PAPER, 'placebo for seven days');
    const changed = INSERTED_PARAGRAPH + PAPER.replace('for seven days', 'for ten days');

    expect(anchoredText(changed, selectors)).toBe('placebo for ten days');
  });

  it('chooses, of a quote that occurs twice, the occurrence whose context matches', () => {
    // The second "Major bleeding was similar in both groups." is highlighted, in the subgroups.
    const selectors = highlight(PAPER, 'Major bleeding was similar in both groups.', 1);
    // Text inserted above moves the first occurrence to where the highlighted one used to be.
    const shift = PAPER.lastIndexOf('Major bleeding') - PAPER.indexOf('Major bleeding');
    const filler = `${'A longer background section. '.repeat(Math.ceil(shift / 29))}\n\n`;
    const changed = filler + PAPER;

    const anchor = anchorHighlight(changed, selectors);

    expect(anchor.status).toBe('anchored');
    if (anchor.status !== 'anchored') return;
    expect(anchor.start).toBe(changed.lastIndexOf('Major bleeding was similar in both groups.'));
  });

  it('anchors the changed occurrence with the right context, not an intact copy elsewhere', () => {
    const selectors = highlight(PAPER, 'Major bleeding was similar in both groups.', 1);
    const subgroupsChanged = SUBGROUPS.replace('similar in both', 'similar in the two');
    const changed = INTRODUCTION + METHODS + RESULTS + subgroupsChanged;

    const anchor = anchorHighlight(changed, selectors);

    expect(anchor.status).toBe('anchored');
    if (anchor.status !== 'anchored') return;
    expect(anchor.start).toBeGreaterThan(changed.indexOf('In patients older'));
    expect(changed.slice(anchor.start, anchor.end)).toBe(
      'Major bleeding was similar in the two groups.',
    );
  });

  it('leaves highlights orphaned when the text is wholly rewritten, never on unrelated words', () => {
    const rewritten =
      'Heparin in septic shock: a commentary. The benefit reported for heparin should be read with ' +
      'caution, because the placebo group had more patients with liver disease. Death rates in ' +
      'both groups were high, and bleeding was not reported by severity. Readers should wait for ' +
      'the confirmatory trial before changing practice in the intensive care unit.';
    const highlights = [
      highlight(PAPER, 'Death at 90 days occurred in 27.1% of the heparin group'),
      highlight(PAPER, 'The primary outcome was death from any cause at 90 days.'),
      highlight(PAPER, 'heparin'),
      highlight(PAPER, 'placebo group'),
      highlight(PAPER, 'liver disease'),
      highlight(PAPER, 'in both groups'),
    ];

    for (const selectors of highlights) {
      expect(anchorHighlight(rewritten, selectors), selectors.quote.exact).toEqual({
        status: 'orphaned',
      });
    }
  });

  it('anchors a quote imported without position or context on its exact words', () => {
    const selectors: HighlightSelectors = {
      quote: { type: 'TextQuoteSelector', exact: 'low-dose heparin', prefix: '', suffix: '' },
      position: null,
      page: null,
    };

    expect(anchorHighlight(PAPER, selectors)).toMatchObject({
      status: 'anchored',
      method: 'quote',
    });
    expect(anchoredText(PAPER, selectors)).toBe('low-dose heparin');
  });

  it('does not trip over a stored position beyond the end of a shorter text', () => {
    const selectors = highlight(PAPER, 'Among patients with liver disease');
    const shorter = SUBGROUPS;

    expect(anchoredText(shorter, selectors)).toBe('Among patients with liver disease');
  });

  it('leaves a highlight orphaned on an empty text', () => {
    expect(anchorHighlight('', highlight(PAPER, 'heparin'))).toEqual({ status: 'orphaned' });
  });
});
