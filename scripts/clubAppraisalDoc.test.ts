import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECKLISTS } from '../shared/domain/club/appraisal/checklists';
import { STUDY_DESIGN_NAMES, STUDY_DESIGNS } from '../shared/domain/club/appraisal/studyDesigns';

// docs/club/appraisal.md shows members the questions they will be asked; it must not drift.
const doc = readFileSync(resolve(import.meta.dirname, '../docs/club/appraisal.md'), 'utf8');

describe('docs/club/appraisal.md', () => {
  it.each(STUDY_DESIGNS)('lists every question of the %s checklist as it is asked', (design) => {
    expect(doc).toContain(`### ${STUDY_DESIGN_NAMES[design]} (\`${design}\`)`);
    for (const question of CHECKLISTS[design]) {
      expect(doc).toContain(`\`${question.id}\``);
      expect(doc).toContain(question.text);
    }
  });
});
