import { describe, expect, it } from 'vitest';
import type { SummaryDraft } from '@shared/contract/share';
import { blockedMessage, checkDraft } from './checkDraft';
import { composeDraft, type DraftIngredients } from './composeDraft';
import { PREPRINT_LABEL } from './summary';
import { summaryPaperOf } from './summaryPaper';

function ingredients(overrides: Partial<DraftIngredients> = {}): DraftIngredients {
  return {
    source: { kind: 'paper', itemId: 'item-1' },
    paper: summaryPaperOf({
      itemId: 'item-1',
      title: 'Semaglutide and kidney outcomes',
      authors: ['Perkovic V', 'Tuttle KR', 'Rossing P'],
      journal: 'N Engl J Med',
      year: 2024,
      doi: null,
      link: 'https://journal.example.org/kidney-trials/semaglutide-ckd',
    }),
    sessionTitle: null,
    club: null,
    highlights: [],
    appraisal: null,
    bottomLine: '',
    tally: null,
    notes: '',
    disclosure: 'None',
    ...overrides,
  };
}

function draftOf(overrides: Partial<DraftIngredients> = {}): SummaryDraft {
  return composeDraft(ingredients(overrides), 'draft-1', new Date('2026-12-02T10:00:00Z'));
}

describe('checkDraft', () => {
  it('lets a fresh draft of a paper without a DOI leave: its own link is not a patient’s', () => {
    const draft = draftOf();
    expect(draft.text).toContain('https://journal.example.org/kidney-trials/semaglutide-ckd');
    expect(checkDraft(draft, { disclosure: 'None' })).toEqual({
      findings: [],
      evidence: [],
      ready: true,
    });
  });

  it('still flags any other web address', () => {
    const draft = draftOf();
    draft.text += '\n\nPhotos: https://example.org/~jsmith/ward-photos';
    expect(
      checkDraft(draft, { disclosure: 'None' }).findings.map((finding) => finding.type),
    ).toEqual(['url']);
  });

  it('asks for the disclosure once, then requires it in the text', () => {
    const unanswered = draftOf({ disclosure: null });
    expect(
      checkDraft(unanswered, { disclosure: null }).evidence.map((issue) => issue.kind),
    ).toEqual(['disclosure-unanswered']);
    expect(
      checkDraft(unanswered, { disclosure: 'None' }).evidence.map((issue) => issue.kind),
    ).toEqual(['disclosure-missing']);
  });

  it('requires the preprint label, the link and the level of evidence, each said in words', () => {
    const draft = draftOf({
      paper: summaryPaperOf({
        itemId: 'item-2',
        title: 'A preprint',
        authors: [],
        journal: 'medRxiv',
        year: 2026,
        doi: '10.1101/2026.01.02.26300001',
        link: null,
      }),
    });
    expect(draft.text).toContain(PREPRINT_LABEL);
    draft.text = 'Nothing but an opinion.\n\nDisclosure: None';
    const check = checkDraft(draft, { disclosure: 'None' });
    expect(check.evidence.map((issue) => issue.kind)).toEqual([
      'preprint-label',
      'source-link',
      'level-of-evidence',
    ]);
    expect(blockedMessage(check)).toMatch(/^Not shared: This paper is a medRxiv preprint/u);
  });

  it('keeps a finding the user kept, wherever it moves in the field', () => {
    const draft = draftOf();
    draft.text = `Seen by John Smith.\n\n${draft.text}`;
    const [finding] = checkDraft(draft, { disclosure: 'None' }).findings;
    expect(finding).toMatchObject({ type: 'name', text: 'John Smith', field: 'text' });
    draft.dismissals = [{ field: 'text', finding: finding!, reason: 'consented' }];
    draft.text = `Update.\n\n${draft.text}`;
    expect(checkDraft(draft, { disclosure: 'None' }).ready).toBe(true);
  });
});
