import { describe, expect, it } from 'vitest';
import type { Finding } from './findings';
import {
  exportBlockedMessage,
  findingsToResolve,
  type ExportFinding,
  type GuardedPart,
  type KeptFinding,
} from './exportGuard';

const NOTE: GuardedPart = {
  where: 'Your note on “reduced kidney…”',
  text: 'Reminded me of John Smith, MRN 12345678, on the ward.',
};
const DISCUSSION: GuardedPart = {
  where: 'Discussion',
  text: 'Smith et al. 2023 found the same effect in a larger cohort.',
};

describe('findingsToResolve', () => {
  it('reports each identifier with the part it is in', () => {
    const findings = findingsToResolve([DISCUSSION, NOTE], []);
    expect(findings.map(({ type, text, where }) => ({ type, text, where }))).toEqual([
      { type: 'name', text: 'John Smith', where: 'Your note on “reduced kidney…”' },
      { type: 'mrn', text: '12345678', where: 'Your note on “reduced kidney…”' },
    ]);
    // Offsets point into the part's own text, so the window can show the finding in context.
    for (const finding of findings) {
      expect(NOTE.text.slice(finding.start, finding.end)).toBe(finding.text);
    }
  });

  it('leaves out findings kept with a reason, matched by type and text wherever they are', () => {
    const kept: KeptFinding[] = [{ type: 'name', text: 'John Smith', reason: 'consented' }];
    const elsewhere: GuardedPart = { where: 'Discussion', text: 'John Smith was admitted.' };
    expect(findingsToResolve([NOTE, elsewhere], kept).map((finding) => finding.text)).toEqual([
      '12345678',
    ]);
  });

  it('keeps a finding only for its own type', () => {
    const kept: KeptFinding[] = [{ type: 'phone', text: '12345678', reason: 'not-identifying' }];
    expect(findingsToResolve([NOTE], kept).map((finding) => finding.type)).toEqual(['name', 'mrn']);
  });

  it('finds nothing in published authors or blank parts', () => {
    expect(findingsToResolve([DISCUSSION, { where: 'Bottom line', text: '   ' }], [])).toEqual([]);
  });

  it('uses the scanner it is given and skips blank text without asking it', () => {
    const scanned: string[] = [];
    const scan = (text: string): Finding[] => {
      scanned.push(text);
      return [{ type: 'town', start: 0, end: 4, text: text.slice(0, 4) }];
    };
    const findings = findingsToResolve(
      [
        { where: 'Actions', text: 'Leeds audit' },
        { where: 'Bottom line', text: '' },
      ],
      [],
      scan,
    );
    expect(scanned).toEqual(['Leeds audit']);
    expect(findings).toEqual([{ type: 'town', start: 0, end: 4, text: 'Leed', where: 'Actions' }]);
  });
});

describe('exportBlockedMessage', () => {
  const finding = (text: string, where: string): ExportFinding => ({
    type: 'name',
    start: 0,
    end: text.length,
    text,
    where,
  });

  it('names each finding and where it is, and says how to go on', () => {
    const message = exportBlockedMessage(findingsToResolve([NOTE], []));
    expect(message).toBe(
      'Not exported: 2 possible patient identifiers (name “John Smith” in Your note on “reduced kidney…”, medical record number “12345678” in Your note on “reduced kidney…”). Edit the text to remove them, or keep each with a reason.',
    );
  });

  it('speaks of one identifier in the singular', () => {
    expect(exportBlockedMessage([finding('Ann Lee', 'Discussion')])).toBe(
      'Not exported: 1 possible patient identifier (name “Ann Lee” in Discussion). Edit the text to remove it, or keep it with a reason.',
    );
  });

  it('names the first three and counts the rest', () => {
    const many = ['Ann Lee', 'Bob Ray', 'Cy Tan', 'Di Moe', 'Ed Fox'].map((name) =>
      finding(name, 'Discussion'),
    );
    expect(exportBlockedMessage(many)).toContain(
      '(name “Ann Lee” in Discussion, name “Bob Ray” in Discussion, name “Cy Tan” in Discussion, and 2 more)',
    );
  });
});
