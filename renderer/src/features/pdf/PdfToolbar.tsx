import { type FormEvent, useState } from 'react';
import { parsePageNumber } from './pageNumber';
import { formatZoom, MAX_ZOOM, MIN_ZOOM } from './pdfZoom';

export interface PdfToolbarProps {
  page: number;
  pageCount: number;
  zoom: number;
  fitWidth: boolean;
  hasOutline: boolean;
  outlineOpen: boolean;
  outlineId: string;
  onGoToPage(page: number): void;
  onZoomIn(): void;
  onZoomOut(): void;
  onFitWidth(): void;
  onToggleOutline(): void;
}

/** Page navigation, zoom and the outline switch above the pages. */
export function PdfToolbar(props: PdfToolbarProps) {
  const { page, pageCount, zoom } = props;
  // What the user is typing; null shows the current page.
  const [typed, setTyped] = useState<string | null>(null);

  const submitPage = (event: FormEvent) => {
    event.preventDefault();
    const target = parsePageNumber(typed ?? '', pageCount);
    setTyped(null);
    if (target !== null) props.onGoToPage(target);
  };

  return (
    <div className="pdf-toolbar" role="toolbar" aria-label="PDF">
      <button
        type="button"
        className="button button-small button-quiet"
        aria-pressed={props.outlineOpen}
        aria-controls={props.outlineId}
        disabled={!props.hasOutline}
        onClick={props.onToggleOutline}
      >
        Outline
      </button>
      <div className="pdf-toolbar-group">
        <button
          type="button"
          className="button button-small button-quiet"
          aria-label="Previous page"
          disabled={page <= 1}
          onClick={() => props.onGoToPage(page - 1)}
        >
          ‹
        </button>
        <form className="pdf-page-form" onSubmit={submitPage}>
          <input
            className="pdf-page-field"
            aria-label={`Page number, 1 to ${pageCount}`}
            inputMode="numeric"
            value={typed ?? String(page)}
            onChange={(event) => setTyped(event.target.value)}
            onBlur={() => setTyped(null)}
            onFocus={(event) => event.target.select()}
          />
          <span className="pdf-page-count">of {pageCount}</span>
        </form>
        <button
          type="button"
          className="button button-small button-quiet"
          aria-label="Next page"
          disabled={page >= pageCount}
          onClick={() => props.onGoToPage(page + 1)}
        >
          ›
        </button>
      </div>
      <div className="pdf-toolbar-group">
        <button
          type="button"
          className="button button-small button-quiet"
          aria-label="Zoom out"
          disabled={zoom <= MIN_ZOOM}
          onClick={props.onZoomOut}
        >
          −
        </button>
        <output className="pdf-zoom" aria-label="Zoom">
          {formatZoom(zoom)}
        </output>
        <button
          type="button"
          className="button button-small button-quiet"
          aria-label="Zoom in"
          disabled={zoom >= MAX_ZOOM}
          onClick={props.onZoomIn}
        >
          +
        </button>
        <button
          type="button"
          className="button button-small button-quiet"
          aria-pressed={props.fitWidth}
          onClick={props.onFitWidth}
        >
          Fit width
        </button>
      </div>
    </div>
  );
}
