// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { paintHighlights, removeHighlights, type PaintableHighlight } from './paintHighlights';

function article(html: string): HTMLElement {
  const root = document.createElement('article');
  root.innerHTML = html;
  document.body.append(root);
  return root;
}

afterEach(() => {
  document.body.replaceChildren();
});

function highlightOf(
  root: HTMLElement,
  passage: string,
  annotationId: string,
  colour: PaintableHighlight['colour'] = 'yellow',
): PaintableHighlight {
  const start = root.textContent!.indexOf(passage);
  if (start < 0) throw new Error(`"${passage}" is not in the text`);
  return { annotationId, colour, start, end: start + passage.length };
}

/** The text each annotation's marks cover, in document order, joined. */
function paintedText(root: HTMLElement, annotationId: string): string {
  return [...root.querySelectorAll(`mark[data-annotation-id="${annotationId}"]`)]
    .map((mark) => mark.textContent)
    .join('');
}

describe('paintHighlights', () => {
  it('wraps a highlighted passage in a mark of its colour carrying the annotation id', () => {
    const root = article('<p>Early heparin reduced death.</p>');

    paintHighlights(root, [highlightOf(root, 'heparin reduced', 'a1', 'red')]);

    expect(root.innerHTML).toBe(
      '<p>Early <mark class="highlight highlight--red" data-annotation-id="a1">heparin reduced</mark> death.</p>',
    );
  });

  it('follows a passage across elements without breaking them apart', () => {
    const html =
      '<p>Death at <em>90 days</em> occurred in <strong>27.1%</strong> of the heparin group.</p>' +
      '<p>Bleeding was similar.</p>';
    const root = article(html);

    const painted = paintHighlights(root, [
      highlightOf(root, 'days occurred in 27.1% of the heparin group.Bleeding', 'a1'),
    ]);

    expect(paintedText(root, 'a1')).toBe('days occurred in 27.1% of the heparin group.Bleeding');
    expect(root.querySelectorAll('p')).toHaveLength(2);
    expect(root.querySelector('em')!.textContent).toBe('90 days');
    expect(root.querySelector('strong > mark')!.textContent).toBe('27.1%');
    for (const mark of root.querySelectorAll('mark'))
      expect(mark.querySelector('p, em, strong')).toBeNull();
    expect(painted.get('a1')?.[0]?.textContent).toBe('days');
    expect(root.textContent).toBe(article(html).textContent);
  });

  it('paints highlights that overlap each other, each covering exactly its own words', () => {
    const root = article('<p>Heparin reduced death at 90 days without more bleeding.</p>');
    const first = highlightOf(root, 'reduced death at 90 days', 'first', 'yellow');
    const second = highlightOf(root, '90 days without more', 'second', 'blue');
    const inner = highlightOf(root, 'death', 'inner', 'green');

    const painted = paintHighlights(root, [second, first, inner]);

    expect(paintedText(root, 'first')).toBe('reduced death at 90 days');
    expect(paintedText(root, 'second')).toBe('90 days without more');
    expect(paintedText(root, 'inner')).toBe('death');
    expect(root.querySelector('mark[data-annotation-id="second"]')!.className).toBe(
      'highlight highlight--blue',
    );
    expect(root.textContent).toBe('Heparin reduced death at 90 days without more bleeding.');
    // One mark per stretch of a highlight within one element, not one per piece split off.
    expect(painted.get('first')).toHaveLength(1);
    expect(painted.get('second')).toHaveLength(2);
    expect(painted.get('inner')).toHaveLength(1);
  });

  it('leaves search-term marks in place, inside or around highlights', () => {
    const html =
      '<p>Early <mark class="search-hit">heparin</mark> reduced <mark class="search-hit">death</mark>.</p>';
    const root = article(html);

    paintHighlights(root, [highlightOf(root, 'heparin reduced de', 'a1')]);

    expect([...root.querySelectorAll('mark.search-hit')].map((mark) => mark.textContent)).toEqual([
      'heparin',
      'death',
    ]);
    expect(paintedText(root, 'a1')).toBe('heparin reduced de');

    removeHighlights(root);

    expect(root.innerHTML).toBe(html);
  });

  it('never puts a mark where only table or list structure may stand', () => {
    const root = article('<table><tbody><tr><td>HR</td>\n<td>0.84</td></tr>\n</tbody></table>');

    paintHighlights(root, [highlightOf(root, 'HR\n0.84', 'a1')]);

    expect(paintedText(root, 'a1')).toBe('HR0.84');
    expect(root.querySelector('tr > mark, tbody > mark')).toBeNull();
  });

  it('replaces what it painted before and ignores highlights outside the text', () => {
    const root = article('<p>Early heparin reduced death.</p>');
    paintHighlights(root, [highlightOf(root, 'Early', 'old')]);

    paintHighlights(root, [
      highlightOf(root, 'death', 'new'),
      { annotationId: 'beyond', colour: 'yellow', start: 500, end: 510 },
      { annotationId: 'empty', colour: 'yellow', start: 3, end: 3 },
    ]);

    expect([...root.querySelectorAll('mark')].map((mark) => mark.dataset['annotationId'])).toEqual([
      'new',
    ]);
  });
});

describe('removeHighlights', () => {
  it('restores the original DOM, text nodes joined again', () => {
    const html =
      '<h2>Results</h2><p>Death at <em>90 days</em> occurred in <strong>27.1%</strong> of the group.</p>';
    const root = article(html);
    const textNodesBefore = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    let countBefore = 0;
    while (textNodesBefore.nextNode()) countBefore += 1;
    paintHighlights(root, [
      highlightOf(root, 'ResultsDeath at 90', 'a1'),
      highlightOf(root, 'days occurred', 'a2'),
      highlightOf(root, 'in 27.1%', 'a3'),
    ]);

    removeHighlights(root);

    expect(root.innerHTML).toBe(html);
    const textNodesAfter = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    let countAfter = 0;
    while (textNodesAfter.nextNode()) countAfter += 1;
    expect(countAfter).toBe(countBefore);
  });

  it('leaves alone a mark of the content that only looks like a highlight', () => {
    const html = '<p><mark class="highlight" data-annotation-id="x">own</mark> text</p>';
    const root = article(html);
    paintHighlights(root, [highlightOf(root, 'own text', 'a1')]);

    removeHighlights(root);

    expect(root.innerHTML).toBe(html);
  });
});
