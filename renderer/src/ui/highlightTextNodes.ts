import { highlightRanges } from '@shared/domain/library/highlightRanges';

const HIT_CLASS = 'search-hit';

/**
 * Marks the words a search matched inside already sanitised content, by splitting its text nodes
 * and wrapping the matched stretches in <mark> elements: nothing is parsed as HTML. Marks left by
 * an earlier call are taken out first, so calling it again with other terms is safe.
 */
export function highlightTextNodes(root: HTMLElement, terms: readonly string[]): void {
  for (const mark of [...root.querySelectorAll(`mark.${HIT_CLASS}`)]) {
    mark.replaceWith(...mark.childNodes);
  }
  root.normalize();
  if (terms.length === 0) return;
  const document = root.ownerDocument;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const textNodes: Text[] = [];
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    textNodes.push(node as Text);
  }
  for (const node of textNodes) {
    const ranges = highlightRanges(node.data, terms);
    // From the end, so the offsets of earlier ranges stay valid as the node is split.
    for (const { start, end } of ranges.reverse()) {
      const hit = node.splitText(start);
      hit.splitText(end - start);
      const mark = document.createElement('mark');
      mark.className = HIT_CLASS;
      hit.replaceWith(mark);
      mark.append(hit);
    }
  }
}
