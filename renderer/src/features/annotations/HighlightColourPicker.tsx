import {
  HIGHLIGHT_COLOURS,
  type HighlightColourId,
  type HighlightMeanings,
} from '@shared/domain/annotations/highlightColours';
import type { KeyboardEvent, MouseEvent, Ref } from 'react';

export interface HighlightColourPickerProps {
  meanings: HighlightMeanings;
  onChoose: (colour: HighlightColourId) => void;
  /** Closes the picker (Escape). */
  onClose?: () => void;
  /** The toolbar's accessible name. */
  label: string;
  className?: string;
  firstButtonRef?: Ref<HTMLButtonElement>;
}

/** Keeps the text selected: a press on the toolbar must not move the selection or focus. */
function keepSelection(event: MouseEvent) {
  event.preventDefault();
}

/**
 * The five highlight colours as buttons, each showing its swatch and what it means, so no choice
 * relies on seeing colour. Arrow keys move between them, as in any toolbar.
 */
export function HighlightColourPicker({
  meanings,
  onChoose,
  onClose,
  label,
  className,
  firstButtonRef,
}: HighlightColourPickerProps) {
  const moveFocus = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape' && onClose) {
      event.preventDefault();
      onClose();
      return;
    }
    const step =
      event.key === 'ArrowRight' || event.key === 'ArrowDown'
        ? 1
        : event.key === 'ArrowLeft' || event.key === 'ArrowUp'
          ? -1
          : 0;
    if (step === 0) return;
    const buttons = [...event.currentTarget.querySelectorAll('button')];
    const at = buttons.indexOf(event.target as HTMLButtonElement);
    const next = buttons[(at + step + buttons.length) % buttons.length];
    if (next) {
      event.preventDefault();
      next.focus();
    }
  };

  return (
    <div
      role="toolbar"
      aria-label={label}
      className={['highlight-picker', className].filter(Boolean).join(' ')}
      onKeyDown={moveFocus}
    >
      {HIGHLIGHT_COLOURS.map((colour, index) => (
        <button
          key={colour.id}
          ref={index === 0 ? firstButtonRef : undefined}
          type="button"
          className="highlight-picker-choice"
          title={`${colour.name}: ${meanings[colour.id]}`}
          onMouseDown={keepSelection}
          onClick={() => onChoose(colour.id)}
        >
          <span className={`highlight-swatch highlight-swatch--${colour.id}`} aria-hidden="true" />
          <span className="highlight-picker-meaning">{meanings[colour.id]}</span>
        </button>
      ))}
    </div>
  );
}
