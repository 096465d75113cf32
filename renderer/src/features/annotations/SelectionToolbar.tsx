import type {
  HighlightColourId,
  HighlightMeanings,
} from '@shared/domain/annotations/highlightColours';
import { HighlightColourPicker } from './HighlightColourPicker';
import type { ContentSelection } from './useContentSelection';

export interface SelectionToolbarProps {
  selection: ContentSelection;
  meanings: HighlightMeanings;
  onChoose: (colour: HighlightColourId) => void;
  onClose: () => void;
}

/**
 * The colours, floating just above the selected words (as in an e-reader). Pressing it keeps the
 * selection; Escape or a click elsewhere in the text dismisses it.
 */
export function SelectionToolbar({
  selection,
  meanings,
  onChoose,
  onClose,
}: SelectionToolbarProps) {
  const place = selection.place;
  return (
    <div
      className="selection-toolbar"
      // Placed with the CSS object model, which the content security policy allows.
      style={place === null ? undefined : { top: `${place.top}px`, left: `${place.left}px` }}
    >
      <HighlightColourPicker
        label="Highlight selection"
        meanings={meanings}
        onChoose={onChoose}
        onClose={onClose}
      />
    </div>
  );
}
