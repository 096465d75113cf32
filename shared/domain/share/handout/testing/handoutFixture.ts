import type { HandoutContent } from '../../summary';

/** A complete handout with every section filled, in the characters clinicians actually type. */
export function sampleHandout(overrides: Partial<HandoutContent> = {}): HandoutContent {
  return {
    title: 'Early statins after stroke',
    paper: {
      itemId: 'item-1',
      title: 'Early statin therapy after ischaemic stroke',
      authors: ['Anna Müller', 'João Silva'],
      journal: 'N Engl J Med',
      year: 2026,
      doi: '10.1056/nejmoa2600001',
      url: 'https://doi.org/10.1056/nejmoa2600001',
      preprint: 'medRxiv',
    },
    citation: 'Müller A, Silva J et al. N Engl J Med 2026;394:1001–1012.',
    warnings: ['Preprint — not peer reviewed'],
    levelOfEvidence: 'Level 2 (single RCT)',
    summary:
      'Adults ≥ 18 years were given atorvastatin ≥ 5 mg within 48 hours.\n\nRecurrent stroke fell, p ≤ 0.05, with “quoted” caveats.',
    laySummary: 'Starting a statin early seemed to prevent some second strokes.',
    highlights: [
      {
        quote: 'Mortality did not differ between the arms.',
        comment: 'Underpowered for death.',
        by: 'Dr Müller',
      },
      { quote: 'Adherence was 92 %.', comment: null, by: null },
    ],
    appraisal: [
      { label: 'Design', value: 'Randomised, open label, blinded end point' },
      { label: 'Population', value: '2 400 adults, mean age 71 ± 9' },
      { label: 'GRADE', value: 'Moderate' },
    ],
    notes: ['We met at the café after rounds.', 'Next month: the follow-up study.'],
    bottomLine: 'Reasonable to start early in eligible patients.',
    disclosure: 'No conflicts of interest declared.',
    club: 'Ward 7 Journal Club',
    date: '2026-12-02',
    ...overrides,
  };
}
