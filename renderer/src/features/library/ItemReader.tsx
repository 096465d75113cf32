import type { ItemDetail } from '@shared/contract';
import { useId, useMemo, useRef } from 'react';
import { AnnotationsPanel } from '../annotations/AnnotationsPanel';
import { AnnotationsSidebar } from '../annotations/AnnotationsSidebar';
import type { AnnotationsClient } from '../annotations/annotationsClient';
import { HighlightButton } from '../annotations/HighlightButton';
import { SelectionToolbar } from '../annotations/SelectionToolbar';
import { useAnnotatedReader } from '../annotations/useAnnotatedReader';
import '../annotations/highlights.css';
import '../annotations/annotations.css';
import { formatFullDate } from '../../ui/formatDate';
import { DiscussionList } from './DiscussionList';
import type { ItemFlags } from './ItemFlagStore';
import { ItemSourceList } from './ItemSourceList';
import { LinkedVersionNote } from './LinkedVersionNote';
import { ReaderTitle } from './ReaderTitle';
import { PaperDetails } from './PaperDetails';
import { isDisplayableHref } from './isDisplayableHref';
import { sanitizeForDisplay } from './sanitizeForDisplay';
import { FeedText } from '../../ui/FeedText';
import { useSearchHighlight } from './SearchHighlight';
import { PaperPdfView, type PdfBytesLoader } from '../papers/PaperPdfView';
import { SavePaperImages } from '../images/SavePaperImages';
import { ReaderViewSwitch, readerViewPanelProps } from '../papers/ReaderViewSwitch';
import { useReaderView } from '../papers/useReaderView';
import type { ShareClient } from '../share/composer/shareClient';
import { PaperNotices } from '../share/notices/PaperNotices';

export interface ItemReaderProps {
  item: ItemDetail;
  flags: ItemFlags;
  now: Date;
  onToggleRead: () => void;
  onToggleStar: () => void;
  /** Shows another item of the library in the reader (a paper's other version, a colleague's post). */
  onOpenItem: (itemId: string) => void;
  /** The annotations service; without it the reader shows the paper but cannot annotate it. */
  annotations?: AnnotationsClient;
  /** Fetches a PDF's bytes by hash (tests pass their own; the app fetches /files/pdf/<hash>). */
  loadPdf?: PdfBytesLoader;
  /** Starts a journal club session on this paper; no button without it. */
  onDiscussAtClub?: () => void;
  /** Starts a summary of this paper for sharing; no button without it. */
  onWriteSummary?: () => void;
  /** The share service, for the paper's retraction and correction notices; none without it. */
  share?: ShareClient;
}

/**
 * One item in full: title, byline, actions, the paper's details and sources, its content
 * (sanitised once more for display) with the user's highlights painted on it, what colleagues
 * said about it, and beside it the panel of highlights and notes.
 */
export function ItemReader({
  item,
  flags,
  now,
  onToggleRead,
  onToggleStar,
  onOpenItem,
  annotations,
  loadPdf,
  onDiscussAtClub,
  onWriteSummary,
  share,
}: ItemReaderProps) {
  const html = useMemo(() => sanitizeForDisplay(item.contentHtml), [item.contentHtml]);
  const link = item.link !== null && isDisplayableHref(item.link) ? item.link : null;
  const highlight = useSearchHighlight();
  // The matched words and the highlights are marked in the sanitised content's text nodes once
  // React has put it in.
  const content = useRef<HTMLDivElement>(null);
  const scroll = useRef<HTMLDivElement>(null);
  const reader = useAnnotatedReader({
    client: annotations ?? null,
    content,
    scroll,
    item,
    html,
    searchTerms: highlight,
  });
  const { model, selection, painting } = reader;
  // A paper with a PDF is read as its text or as the PDF, whichever was used last for it.
  const [view, setView] = useReaderView(item.id, item.pdf !== null);
  const viewIdPrefix = useId();

  return (
    <div className="reader-layout">
      <article className="reader-article" aria-label="Reader" aria-busy={false}>
        <div className="reader-scroll" ref={scroll}>
          <header className="reader-header">
            <div className="reader-actions">
              <button type="button" className="button" onClick={onToggleRead}>
                {flags.read ? 'Mark as unread' : 'Mark as read'}
              </button>
              <button
                type="button"
                className="button star-button"
                aria-pressed={flags.starred}
                onClick={onToggleStar}
              >
                <span className="star-glyph" aria-hidden="true">
                  {flags.starred ? '★' : '☆'}
                </span>
                {flags.starred ? 'Unstar' : 'Star'}
              </button>
              {link !== null ? (
                <a className="button" href={link} target="_blank" rel="noopener noreferrer">
                  Open in browser
                </a>
              ) : null}
              {model !== null && html.trim() !== '' ? (
                <HighlightButton
                  hasSelection={reader.lastSelection !== null}
                  meanings={model.meanings}
                  onChoose={(colour) => void reader.highlightSelection(colour)}
                />
              ) : null}
              {onDiscussAtClub !== undefined ? (
                <button type="button" className="button" onClick={onDiscussAtClub}>
                  Discuss at journal club
                </button>
              ) : null}
              {onWriteSummary !== undefined ? (
                <button type="button" className="button" onClick={onWriteSummary}>
                  Write summary
                </button>
              ) : null}
            </div>
            <ReaderTitle title={item.title} highlight={highlight} />
            <p className="reader-byline">
              <span className="reader-feed">
                <FeedText text={item.feedTitle} />
              </span>
              {/* A paper's full author list follows; the shortened line would only repeat it. */}
              {item.author && item.authors.length === 0 ? (
                <span className="reader-author">
                  <FeedText text={item.author} />
                </span>
              ) : null}
              <time className="reader-date" dateTime={item.publishedAt ?? undefined}>
                {formatFullDate(item.publishedAt)}
              </time>
            </p>
            <PaperDetails item={item} />
            {share !== undefined && isPaper(item) ? (
              <PaperNotices client={share} itemId={item.id} />
            ) : null}
            {item.linkedVersion !== null ? (
              <LinkedVersionNote version={item.linkedVersion} onOpenItem={onOpenItem} />
            ) : null}
            <ItemSourceList sources={item.sources} />
            <SavePaperImages itemId={item.id} contentHtml={item.contentHtml} />
            {item.pdf !== null ? (
              <ReaderViewSwitch idPrefix={viewIdPrefix} view={view} onChange={setView} />
            ) : null}
          </header>
          <div {...(item.pdf !== null ? readerViewPanelProps(viewIdPrefix, view) : {})}>
            <div hidden={view === 'pdf'}>
              {html.trim() !== '' ? (
                <div
                  ref={content}
                  className="reader-content"
                  dangerouslySetInnerHTML={{ __html: html }}
                />
              ) : (
                <div className="reader-content">
                  <p>{item.excerpt || 'This item has no text of its own.'}</p>
                  {link !== null ? (
                    <p className="reader-note">Open it in the browser to read the full article.</p>
                  ) : null}
                </div>
              )}
              {model !== null && selection !== null ? (
                <SelectionToolbar
                  selection={selection}
                  meanings={model.meanings}
                  onChoose={(colour) => void reader.highlightSelection(colour)}
                  onClose={reader.clearSelection}
                />
              ) : null}
            </div>
            {item.pdf !== null && view === 'pdf' ? (
              <PaperPdfView
                pdf={item.pdf}
                title={item.title}
                loadPdf={loadPdf}
                annotations={reader.pdf}
              />
            ) : null}
          </div>
          <DiscussionList discussions={item.discussions} now={now} onOpenItem={onOpenItem} />
        </div>
      </article>
      {annotations !== undefined && model !== null ? (
        <AnnotationsPanel count={model.annotations.length}>
          <AnnotationsSidebar
            client={annotations}
            item={item}
            model={model}
            placement={painting.placement}
            onReveal={painting.reveal}
            focusedId={reader.focusedId}
          />
        </AnnotationsPanel>
      ) : null}
    </div>
  );
}

/** A paper (it has an identifier or a journal), not a post or a news item. */
function isPaper(item: ItemDetail): boolean {
  const ids = item.paperIds;
  return item.journal !== null || ids.doi !== null || ids.pmid !== null || ids.arxiv !== null;
}
