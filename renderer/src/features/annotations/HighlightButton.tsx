import type {
  HighlightColourId,
  HighlightMeanings,
} from '@shared/domain/annotations/highlightColours';
import { useEffect, useId, useRef, useState, type MouseEvent } from 'react';
import { HighlightColourPicker } from './HighlightColourPicker';

export interface HighlightButtonProps {
  /** Whether words of the paper are selected. */
  hasSelection: boolean;
  meanings: HighlightMeanings;
  onChoose: (colour: HighlightColourId) => void;
}

function keepSelection(event: MouseEvent) {
  event.preventDefault();
}

/**
 * "Highlight" in the reader's toolbar: the way to highlight from the keyboard. Select words (with
 * caret browsing or Shift and the arrows), Tab here, press it, pick a colour by its meaning.
 */
export function HighlightButton({ hasSelection, meanings, onChoose }: HighlightButtonProps) {
  const [opened, setOpen] = useState(false);
  // The colours are offered only while there are selected words to highlight.
  const open = opened && hasSelection;
  const firstColour = useRef<HTMLButtonElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const pickerId = useId();

  useEffect(() => {
    if (open) firstColour.current?.focus();
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };

  return (
    <span className="highlight-button">
      <button
        ref={button}
        type="button"
        className="button"
        aria-expanded={open}
        aria-controls={open ? pickerId : undefined}
        aria-disabled={!hasSelection}
        title={hasSelection ? 'Highlight the selected words' : 'Select words in the paper first'}
        onMouseDown={keepSelection}
        onClick={() => {
          if (hasSelection) setOpen(!open);
        }}
      >
        Highlight
      </button>
      {open ? (
        <div id={pickerId} className="highlight-button-popover">
          <HighlightColourPicker
            label="Highlight colour"
            meanings={meanings}
            firstButtonRef={firstColour}
            onChoose={(colour) => {
              setOpen(false);
              onChoose(colour);
            }}
            onClose={close}
          />
        </div>
      ) : null}
    </span>
  );
}
