import { DomUtils, parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { renderHandoutHtml } from './renderHandoutHtml';
import { sampleHandout } from './testing/handoutFixture';

type Document = ReturnType<typeof parseDocument>;
type Element = ReturnType<typeof DomUtils.getElementsByTagName>[number];

const HOSTILE = "Tom & Jerry <script>alert(1)</script> \"><img src=x onerror=alert(2)> 'q'";

function parse(html: string): Document {
  return parseDocument(html, { decodeEntities: true });
}

function elements(document: Document, tag: string): Element[] {
  return DomUtils.getElementsByTagName(tag, document, true);
}

function textOf(node: Element): string {
  return DomUtils.textContent(node);
}

describe('renderHandoutHtml', () => {
  it('is one standalone HTML5 document with a restrictive policy', () => {
    const html = renderHandoutHtml(sampleHandout());
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    const document = parse(html);
    const metas = elements(document, 'meta');
    expect(metas.some((meta) => meta.attribs.charset === 'utf-8')).toBe(true);
    const policy = metas.find((meta) => meta.attribs['http-equiv'] === 'Content-Security-Policy');
    expect(policy?.attribs.content).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
    );
    expect(elements(document, 'script')).toHaveLength(0);
    expect(elements(document, 'link')).toHaveLength(0);
    const style = elements(document, 'style').map(textOf).join('');
    expect(style).toContain('@media print');
    expect(style).toContain('prefers-color-scheme: dark');
  });

  it('titles the page and heads the sections in the handout order', () => {
    const document = parse(renderHandoutHtml(sampleHandout()));
    expect(elements(document, 'title').map(textOf)).toEqual(['Early statins after stroke']);
    expect(elements(document, 'h1').map(textOf)).toEqual(['Early statins after stroke']);
    expect(elements(document, 'h2').map(textOf)).toEqual([
      'Summary',
      'In plain language',
      'Bottom line',
      'Highlights',
      'Appraisal',
      'Notes and discussion',
      'Disclosure',
    ]);
    const text = DomUtils.textContent(document);
    const landmarks = [
      'Müller A, Silva J et al.',
      'Preprint — not peer reviewed',
      'Level of evidence: Level 2 (single RCT)',
      'Adults ≥ 18 years',
      'Reasonable to start early',
      'Mortality did not differ',
      'Randomised, open label',
      'We met at the café',
      'No conflicts of interest declared.',
      'Made with Rounds on 2026-12-02 · Ward 7 Journal Club',
    ];
    const positions = landmarks.map((landmark) => text.indexOf(landmark));
    for (const [index, position] of positions.entries()) {
      expect(position, landmarks[index]).toBeGreaterThanOrEqual(0);
    }
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('links the DOI with rel="noopener"', () => {
    const document = parse(renderHandoutHtml(sampleHandout()));
    const links = elements(document, 'a');
    expect(links).toHaveLength(1);
    expect(links[0]?.attribs).toEqual({
      href: 'https://doi.org/10.1056/nejmoa2600001',
      rel: 'noopener',
    });
    expect(links.map(textOf)).toEqual(['https://doi.org/10.1056/nejmoa2600001']);
  });

  it('links no address that is not http or https', () => {
    const html = renderHandoutHtml(
      sampleHandout({ paper: { ...sampleHandout().paper, doi: null, url: 'javascript:alert(1)' } }),
    );
    expect(elements(parse(html), 'a')).toHaveLength(0);
    expect(html).not.toContain('javascript');
  });

  it('keeps paragraphs, and line breaks inside them', () => {
    const document = parse(
      renderHandoutHtml(sampleHandout({ summary: 'First line\nsecond line\n\nNext paragraph' })),
    );
    const summary = elements(document, 'section').find((section) =>
      textOf(section).trim().startsWith('Summary'),
    );
    expect(summary).toBeDefined();
    const paragraphs = summary ? DomUtils.getElementsByTagName('p', summary) : [];
    expect(paragraphs.map(textOf)).toEqual(['First linesecond line', 'Next paragraph']);
    expect(paragraphs[0] ? DomUtils.getElementsByTagName('br', paragraphs[0]) : []).toHaveLength(1);
  });

  it('shows the warnings, highlights and appraisal as their own structures', () => {
    const document = parse(renderHandoutHtml(sampleHandout()));
    const warnings = elements(document, 'aside');
    expect(warnings.map(textOf)).toEqual(['Preprint — not peer reviewed']);
    expect(elements(document, 'blockquote').map(textOf)).toEqual([
      'Mortality did not differ between the arms.',
      'Adherence was 92 %.',
    ]);
    expect(elements(document, 'figcaption').map(textOf)).toEqual(['— Dr Müller']);
    const rows = elements(document, 'tr').map((row) =>
      DomUtils.getChildren(row)
        .filter(DomUtils.isTag)
        .map((cell) => textOf(cell)),
    );
    expect(rows).toEqual([
      ['Aspect', 'Assessment'],
      ['Design', 'Randomised, open label, blinded end point'],
      ['Population', '2 400 adults, mean age 71 ± 9'],
      ['GRADE', 'Moderate'],
    ]);
  });

  it('escapes every piece of user text', () => {
    const hostile = sampleHandout({
      title: HOSTILE,
      citation: HOSTILE,
      warnings: [HOSTILE],
      levelOfEvidence: HOSTILE,
      summary: HOSTILE,
      laySummary: HOSTILE,
      bottomLine: HOSTILE,
      highlights: [{ quote: HOSTILE, comment: HOSTILE, by: HOSTILE }],
      appraisal: [{ label: HOSTILE, value: HOSTILE }],
      notes: [HOSTILE],
      disclosure: HOSTILE,
      club: HOSTILE,
      date: HOSTILE,
      paper: {
        ...sampleHandout().paper,
        doi: '10.1000/"><script>alert(3)</script>',
        url: null,
      },
    });
    const html = renderHandoutHtml(hostile);
    const document = parse(html);
    expect(elements(document, 'script')).toHaveLength(0);
    expect(elements(document, 'img')).toHaveLength(0);
    const attributeNames = DomUtils.findAll(() => true, document.children).flatMap((element) =>
      Object.keys(element.attribs),
    );
    expect(attributeNames.filter((name) => name.startsWith('on'))).toEqual([]);
    expect(elements(document, 'title').map(textOf)).toEqual([HOSTILE]);
    expect(elements(document, 'h1').map(textOf)).toEqual([HOSTILE]);
    expect(elements(document, 'aside').map(textOf)).toEqual([HOSTILE]);
    expect(elements(document, 'blockquote').map(textOf)).toEqual([HOSTILE]);
    expect(elements(document, 'a')[0]?.attribs.href).toBe(
      'https://doi.org/10.1000/%22%3E%3Cscript%3Ealert%283%29%3C/script%3E',
    );
    // Text appears only escaped: the raw markup never reaches the page.
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('"><img');
    expect(html).toContain('Tom &amp; Jerry &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html.match(/Tom &amp; Jerry/g)?.length).toBeGreaterThanOrEqual(14);
  });

  it('leaves out the optional sections that are empty', () => {
    const document = parse(
      renderHandoutHtml(
        sampleHandout({
          warnings: [],
          laySummary: null,
          bottomLine: null,
          highlights: [],
          appraisal: [],
          notes: [],
          disclosure: ' ',
          club: null,
        }),
      ),
    );
    expect(elements(document, 'h2').map(textOf)).toEqual(['Summary']);
    expect(elements(document, 'aside')).toHaveLength(0);
    expect(elements(document, 'footer').map(textOf)).toEqual(['Made with Rounds on 2026-12-02']);
  });
});
