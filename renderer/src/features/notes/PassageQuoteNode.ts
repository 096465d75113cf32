import { $insertNodeToNearestRoot } from '@lexical/utils';
import {
  $createParagraphNode,
  $createTextNode,
  $getDocument,
  $getRoot,
  $getSelection,
  $getState,
  $setState,
  COMMAND_PRIORITY_EDITOR,
  createCommand,
  createState,
  ElementNode,
  setDOMUnmanaged,
  type DOMExportOutput,
  type ElementDOMSlot,
  type LexicalCommand,
  type LexicalEditor,
  type LexicalNode,
  type ParagraphNode,
  type RangeSelection,
} from 'lexical';

/** Where a quoted passage comes from, kept on the quote itself. */
export interface PassageCitation {
  /** The highlight the passage was quoted from (for jumping back to it). */
  annotationId: string;
  paperTitle: string;
  /** The PDF page the passage is on; null for a web article. */
  page: number | null;
  /** What the highlight's colour meant when quoted ("Key finding", "Methods concern"…). */
  colourMeaning: string;
}

export interface PassageQuotePayload {
  citation: PassageCitation;
  /** The highlighted text; runs of spaces and line breaks (as PDFs have) become one space. */
  text: string;
}

/** Inserts a quoted passage as its own block where the cursor is, or at the end of the note. */
export const INSERT_PASSAGE_QUOTE_COMMAND: LexicalCommand<PassageQuotePayload> = createCommand(
  'INSERT_PASSAGE_QUOTE_COMMAND',
);

const CITATION_CLASS = 'note-passage-quote-citation';

function textOrEmpty(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

// The citation is node state stored flat, so it is written as plain properties of the quote's
// JSON and travels through @lexical/yjs with the node like any other property. Each parser turns
// a damaged value into an empty one rather than failing the whole note.
const annotationIdState = createState('annotationId', { parse: textOrEmpty });
const paperTitleState = createState('paperTitle', { parse: textOrEmpty });
const colourMeaningState = createState('colourMeaning', { parse: textOrEmpty });
const pageState = createState('page', {
  parse: (value): number | null =>
    typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : null,
});

/**
 * A block quote of a highlighted passage. Its children are ordinary text, so the quote is edited,
 * formatted and (later) shared through Yjs like any paragraph; the citation is kept as the
 * node's properties and drawn after the text in a part of the DOM the editor does not manage.
 */
export class PassageQuoteNode extends ElementNode {
  override $config() {
    return this.config('passage-quote', {
      extends: ElementNode,
      stateConfigs: [
        { stateConfig: annotationIdState, flat: true },
        { stateConfig: paperTitleState, flat: true },
        { stateConfig: pageState, flat: true },
        { stateConfig: colourMeaningState, flat: true },
      ],
    });
  }

  getCitation(): PassageCitation {
    return {
      annotationId: $getState(this, annotationIdState),
      paperTitle: $getState(this, paperTitleState),
      page: $getState(this, pageState),
      colourMeaning: $getState(this, colourMeaningState),
    };
  }

  setCitation(citation: PassageCitation): this {
    $setState(this, annotationIdState, citation.annotationId);
    $setState(this, paperTitleState, citation.paperTitle);
    $setState(this, pageState, citation.page);
    return $setState(this, colourMeaningState, citation.colourMeaning);
  }

  override createDOM(): HTMLElement {
    const document = $getDocument();
    const quote = document.createElement('blockquote');
    quote.className = 'note-passage-quote';
    const citation = document.createElement('footer');
    citation.className = CITATION_CLASS;
    citation.contentEditable = 'false';
    setDOMUnmanaged(citation);
    quote.append(citation);
    this.drawCitation(quote, citation);
    return quote;
  }

  override updateDOM(previous: this, dom: HTMLElement): boolean {
    const citation = citationElementOf(dom);
    if (citation !== null && !sameCitation(previous.getCitation(), this.getCitation())) {
      this.drawCitation(dom, citation);
    }
    return false;
  }

  /** The text goes before the citation, which the editor leaves alone. */
  override getDOMSlot(element: HTMLElement): ElementDOMSlot<HTMLElement> {
    return super.getDOMSlot(element).withAfter(citationElementOf(element));
  }

  override exportDOM(): DOMExportOutput {
    const document = $getDocument();
    const quote = document.createElement('blockquote');
    quote.className = 'note-passage-quote';
    return {
      element: quote,
      // Runs once the text is in, so the citation follows it as it does on screen.
      after: (generated) => {
        if (generated instanceof HTMLElement) {
          const citation = document.createElement('footer');
          this.drawCitation(generated, citation);
          generated.append(citation);
        }
        return generated;
      },
    };
  }

  /** Enter at the end of a quote continues the note in a new paragraph. */
  override insertNewAfter(_selection: RangeSelection, restoreSelection?: boolean): ParagraphNode {
    const paragraph = $createParagraphNode();
    this.insertAfter(paragraph, restoreSelection);
    return paragraph;
  }

  /** Backspace at the start turns the quote back into a paragraph, keeping its text. */
  override collapseAtStart(): true {
    const paragraph = $createParagraphNode();
    paragraph.append(...this.getChildren());
    this.replace(paragraph);
    return true;
  }

  private drawCitation(quote: HTMLElement, citation: HTMLElement): void {
    const { annotationId, paperTitle, page, colourMeaning } = this.getCitation();
    quote.dataset.annotationId = annotationId;
    const title = quote.ownerDocument.createElement('cite');
    title.textContent = paperTitle;
    const details = [page === null ? null : `p. ${page}`, colourMeaning || null]
      .filter((part) => part !== null)
      .map((part) => ` · ${part}`)
      .join('');
    citation.replaceChildren(title, details);
  }
}

function citationElementOf(quote: HTMLElement): HTMLElement | null {
  return quote.querySelector<HTMLElement>(`:scope > .${CITATION_CLASS}`);
}

function sameCitation(first: PassageCitation, second: PassageCitation): boolean {
  return (
    first.annotationId === second.annotationId &&
    first.paperTitle === second.paperTitle &&
    first.page === second.page &&
    first.colourMeaning === second.colourMeaning
  );
}

/** A new, empty quote carrying the citation; append its text. */
export function $createPassageQuoteNode(citation: PassageCitation): PassageQuoteNode {
  return new PassageQuoteNode().setCitation(citation);
}

export function $isPassageQuoteNode(
  node: LexicalNode | null | undefined,
): node is PassageQuoteNode {
  return node instanceof PassageQuoteNode;
}

/** Handles INSERT_PASSAGE_QUOTE_COMMAND in this editor; returns the function that stops it. */
export function registerPassageQuotes(editor: LexicalEditor): () => void {
  return editor.registerCommand(
    INSERT_PASSAGE_QUOTE_COMMAND,
    ({ citation, text }) => {
      const quote = $createPassageQuoteNode(citation).append(
        $createTextNode(text.replace(/\s+/g, ' ').trim()),
      );
      if ($getSelection() === null) {
        // Nothing was ever selected (the note has not been clicked): the quote goes at the end.
        const paragraph = $createParagraphNode();
        $getRoot().append(quote, paragraph);
        paragraph.select();
      } else {
        $insertNodeToNearestRoot(quote);
      }
      return true;
    },
    COMMAND_PRIORITY_EDITOR,
  );
}
