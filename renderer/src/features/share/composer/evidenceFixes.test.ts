import { describe, expect, it } from 'vitest';
import {
  withDisclosure,
  withLevelOfEvidence,
  withPreprintLabel,
  withSourceLink,
} from './evidenceFixes';

const TEXT = 'Trial title\nSmith J et al. NEJM 2026.\n\nBottom line: works.\n\nDisclosure: None';

describe('the evidence fixes', () => {
  it('puts the preprint label back right after the citation block', () => {
    expect(withPreprintLabel(TEXT)).toBe(
      'Trial title\nSmith J et al. NEJM 2026.\n\nPreprint — not peer reviewed\n\nBottom line: works.\n\nDisclosure: None',
    );
  });

  it('adds the source link as the citation block’s last line', () => {
    expect(withSourceLink(TEXT, 'https://doi.org/10.1/x')).toBe(
      'Trial title\nSmith J et al. NEJM 2026.\nhttps://doi.org/10.1/x\n\nBottom line: works.\n\nDisclosure: None',
    );
    expect(withSourceLink('', 'https://doi.org/10.1/x')).toBe('https://doi.org/10.1/x');
  });

  it('adds the level of evidence before the disclosure, or at the end without one', () => {
    expect(withLevelOfEvidence(TEXT, 'Level of evidence: 2')).toBe(
      'Trial title\nSmith J et al. NEJM 2026.\n\nBottom line: works.\n\nLevel of evidence: 2\n\nDisclosure: None',
    );
    expect(withLevelOfEvidence('Title', 'Level of evidence: 2')).toBe(
      'Title\n\nLevel of evidence: 2',
    );
  });

  it('ends the text with the disclosure', () => {
    expect(withDisclosure('Title\n\n', 'None')).toBe('Title\n\nDisclosure: None');
    expect(withDisclosure('', 'None')).toBe('Disclosure: None');
  });
});
