import { fc, test as propertyTest } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { renderHandoutMarkdown } from './renderHandoutMarkdown';
import { sampleHandout } from './testing/handoutFixture';

// markdown-it is not installed, so the escaping is checked on the Markdown source itself with the
// CommonMark rules that matter: what a backslash escapes, and what may open a block or a span.

/** CommonMark's backslash escapes: a backslash before ASCII punctuation stands for that character. */
function unescapeMarkdown(line: string): string {
  return line.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/** Why a line of escaped text could still change the document, or null when it cannot. */
function structuralLeak(line: string): string | null {
  if (/^\s/.test(line)) return 'starts with white space (indented code)';
  if (/\s$/.test(line)) return 'ends with white space (hard break)';
  if (/^(?:[#>+=\-*_`~<|[]|\d+[.)])/.test(line)) return 'starts a block';
  for (let index = 0; index < line.length; index++) {
    const character = line.charAt(index);
    if (character === '\\') {
      if (/[!-/:-@[-`{-~]/.test(line.charAt(index + 1))) index += 1;
      else if (index === line.length - 1) return 'ends with a backslash (hard break)';
      continue;
    }
    if ('*_[]<`|~'.includes(character)) return `unescaped ${character} at ${index}`;
    if (character === '&' && /^&#?[A-Za-z0-9]+;/.test(line.slice(index))) {
      return `entity at ${index}`;
    }
  }
  return null;
}

/** The Markdown lines between the `## <heading>` line and the next heading or rule. */
function sectionLines(markdown: string, heading: string): string[] {
  const lines = markdown.split('\n');
  const start = lines.indexOf(`## ${heading}`);
  expect(start, `section ${heading}`).toBeGreaterThanOrEqual(0);
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((line) => line.startsWith('## ') || line === '---');
  const body = end === -1 ? rest : rest.slice(0, end);
  while (body[0] === '') body.shift();
  while (body[body.length - 1] === '') body.pop();
  return body;
}

/** The text as the handout keeps it: lines trimmed, paragraphs split at blank lines. */
function expectedLines(text: string): string[] {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((paragraph) =>
      paragraph
        .split('\n')
        .map((line) => line.replace(/\t/g, ' ').trim())
        .filter((line) => line !== ''),
    )
    .filter((lines) => lines.length > 0);
  return paragraphs.flatMap((lines, index) => (index === 0 ? lines : ['', ...lines]));
}

describe('renderHandoutMarkdown', () => {
  it('puts the sections in the handout order', () => {
    const markdown = renderHandoutMarkdown(sampleHandout());
    const landmarks = [
      '# Early statins after stroke',
      'Müller A, Silva J et al. N Engl J Med 2026;394:1001–1012.',
      '**Preprint — not peer reviewed**',
      '**Level of evidence:** Level 2 (single RCT)',
      '## Summary',
      '## In plain language',
      '## Bottom line',
      '## Highlights',
      '## Appraisal',
      '## Notes and discussion',
      '## Disclosure',
      'Made with Rounds on 2026-12-02 · Ward 7 Journal Club',
    ];
    const positions = landmarks.map((landmark) => markdown.indexOf(landmark));
    for (const [index, position] of positions.entries()) {
      expect(position, landmarks[index]).toBeGreaterThanOrEqual(0);
    }
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(markdown.startsWith('# Early statins after stroke\n')).toBe(true);
    expect(markdown.endsWith('\n')).toBe(true);
  });

  it('links the DOI on the citation line', () => {
    const markdown = renderHandoutMarkdown(sampleHandout());
    expect(markdown).toContain(
      'Müller A, Silva J et al. N Engl J Med 2026;394:1001–1012. [https://doi.org/10.1056/nejmoa2600001](https://doi.org/10.1056/nejmoa2600001)',
    );
  });

  it('percent-encodes a DOI whose characters would end the link early', () => {
    const doi = '10.1002/(sici)1097-4636(199812)43:4<387::aid-jbm5>3.0.co;2-b&amp;#x';
    const markdown = renderHandoutMarkdown(
      sampleHandout({ paper: { ...sampleHandout().paper, doi, url: `https://doi.org/${doi}` } }),
    );
    expect(markdown).toContain(
      '(https://doi.org/10.1002/%28sici%291097-4636%28199812%2943:4%3C387::aid-jbm5%3E3.0.co;2-b%26amp;%23x)',
    );
  });

  it('links no address that is not http or https', () => {
    const markdown = renderHandoutMarkdown(
      sampleHandout({
        paper: { ...sampleHandout().paper, doi: null, url: 'javascript:alert(1)' },
      }),
    );
    expect(markdown).not.toContain('javascript');
    expect(markdown).not.toContain('](');
  });

  it('keeps the paragraphs of the summary', () => {
    const markdown = renderHandoutMarkdown(sampleHandout());
    expect(sectionLines(markdown, 'Summary')).toEqual([
      'Adults ≥ 18 years were given atorvastatin ≥ 5 mg within 48 hours.',
      '',
      'Recurrent stroke fell, p ≤ 0.05, with “quoted” caveats.',
    ]);
  });

  it('quotes the highlights with who made them and their comment', () => {
    const markdown = renderHandoutMarkdown(sampleHandout());
    expect(sectionLines(markdown, 'Highlights')).toEqual([
      '> Mortality did not differ between the arms.',
      '',
      '— Dr Müller',
      '',
      '**Comment:** Underpowered for death.',
      '',
      '> Adherence was 92 %.',
    ]);
  });

  it('lays the appraisal out as a two-column table', () => {
    const markdown = renderHandoutMarkdown(
      sampleHandout({
        appraisal: [
          { label: 'Design', value: 'RCT | open\nlabel' },
          { label: 'GRADE', value: 'Moderate' },
        ],
      }),
    );
    expect(sectionLines(markdown, 'Appraisal')).toEqual([
      '| Aspect | Assessment |',
      '| --- | --- |',
      '| Design | RCT \\| open label |',
      '| GRADE | Moderate |',
    ]);
  });

  it('leaves out the optional sections that are empty', () => {
    const markdown = renderHandoutMarkdown(
      sampleHandout({
        warnings: [],
        laySummary: null,
        bottomLine: '  ',
        highlights: [],
        appraisal: [],
        notes: [],
        disclosure: '',
        club: null,
      }),
    );
    for (const heading of [
      'In plain language',
      'Bottom line',
      'Highlights',
      'Appraisal',
      'Notes',
      'Disclosure',
    ]) {
      expect(markdown).not.toContain(`## ${heading}`);
    }
    expect(markdown).not.toContain('**Preprint');
    expect(markdown).toContain('Made with Rounds on 2026-12-02\n');
  });

  it('turns text that looks like Markdown into literal text', () => {
    const hostile = [
      '# not a heading',
      '> not a quote',
      '- not a list',
      '+ nor this',
      '12. nor this',
      '3) nor this',
      '***',
      '===',
      '    indented code?',
      '<script>alert(1)</script>',
      '[click](javascript:alert(1)) ![img](x.png)',
      '`code` *em* _em_ **strong** ~~struck~~',
      'a | b &amp; &#169; back\\slash\\',
      '```',
    ].join('\n');
    const markdown = renderHandoutMarkdown(
      sampleHandout({ summary: hostile, title: 'Title # with #', club: '*Club*' }),
    );
    const lines = sectionLines(markdown, 'Summary');
    for (const line of lines) expect(structuralLeak(line), line).toBeNull();
    expect(lines.map(unescapeMarkdown)).toEqual(expectedLines(hostile));
    expect(lines).toContain('\\# not a heading');
    expect(lines).toContain('12\\. nor this');
    expect(lines).toContain('\\<script>alert(1)\\</script>');
    expect(markdown).toContain('# Title \\# with \\#\n');
    expect(markdown).toContain('Made with Rounds on 2026-12-02 · \\*Club\\*');
  });

  const hostileText = fc.string({
    unit: fc.constantFrom(
      ...'#>-+=*_`~<>|[]()!&;\\.)0123456789 \t\n\raz:/é≥“',
      '&amp;',
      '&#35;',
      '\n\n',
      '    ',
    ),
    maxLength: 80,
  });

  propertyTest.prop([hostileText], { numRuns: 500 })(
    'keeps any summary as literal text',
    (summary) => {
      const markdown = renderHandoutMarkdown(sampleHandout({ summary }));
      const expected = expectedLines(summary);
      if (expected.length === 0) {
        expect(markdown).not.toContain('## Summary');
        return;
      }
      const lines = sectionLines(markdown, 'Summary');
      for (const line of lines) {
        if (line !== '') expect(structuralLeak(line), line).toBeNull();
      }
      expect(lines.map(unescapeMarkdown)).toEqual(expected);
    },
  );

  propertyTest.prop([hostileText, hostileText], { numRuns: 300 })(
    'keeps any quote and appraisal value as literal text',
    (quote, value) => {
      const markdown = renderHandoutMarkdown(
        sampleHandout({
          highlights: [{ quote, comment: null, by: null }],
          appraisal: [{ label: 'Design', value }],
        }),
      );
      const quoteLines = expectedLines(quote);
      if (quoteLines.length > 0) {
        const quoted = sectionLines(markdown, 'Highlights');
        expect(quoted.every((line) => line === '>' || line.startsWith('> '))).toBe(true);
        const inner = quoted.map((line) => line.replace(/^> ?/, ''));
        for (const line of inner) if (line !== '') expect(structuralLeak(line), line).toBeNull();
        expect(inner.map(unescapeMarkdown)).toEqual(quoteLines);
      }
      const row = sectionLines(markdown, 'Appraisal')[2] ?? '';
      const cell = row.replace(/^\| Design \| /, '').replace(/ \|$/, '');
      expect(structuralLeak(cell === '' ? 'x' : `x${cell}`)).toBeNull();
      expect(unescapeMarkdown(cell)).toEqual(value.replace(/\s+/g, ' ').trim());
    },
  );
});
