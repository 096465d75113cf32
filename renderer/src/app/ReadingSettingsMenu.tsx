import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import {
  LINE_WIDTHS,
  LINE_WIDTH_NAMES,
  TEXT_SIZES,
  TEXT_SIZE_NAMES,
  TYPEFACES,
  TYPEFACE_NAMES,
  type ReadingSettings,
} from './useReadingSettings';

/**
 * The reader toolbar's "Aa" button and the small panel it opens: text size, typeface and line
 * width as radio groups, applied as they are chosen. Escape, a click elsewhere or tabbing out
 * closes it; Escape puts the focus back on the button.
 */
export function ReadingSettingsMenu({ settings }: { settings: ReadingSettings }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const container = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const closeOnOutsidePress = (event: PointerEvent) => {
      if (!container.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', closeOnOutsidePress);
    return () => document.removeEventListener('pointerdown', closeOnOutsidePress);
  }, [open]);

  const closeOnEscape = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Escape' || !open) return;
    // Handled here, so the window's Escape (back to the list) does not fire as well.
    event.preventDefault();
    setOpen(false);
    button.current?.focus();
  };

  return (
    <div
      ref={container}
      className="reading-settings"
      onKeyDown={closeOnEscape}
      onBlur={(event) => {
        if (!container.current?.contains(event.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <button
        ref={button}
        type="button"
        className="button button-quiet reading-settings-button"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        title="Text size and typeface"
        onClick={() => setOpen(!open)}
      >
        <span aria-hidden="true">Aa</span>
        <span className="visually-hidden">Reading settings</span>
      </button>
      {open ? (
        <div
          id={panelId}
          className="reading-settings-panel"
          role="group"
          aria-label="Reading settings"
        >
          <ChoiceGroup
            legend="Text size"
            choices={TEXT_SIZES}
            names={TEXT_SIZE_NAMES}
            value={settings.textSize}
            onChange={settings.setTextSize}
          />
          <ChoiceGroup
            legend="Typeface"
            choices={TYPEFACES}
            names={TYPEFACE_NAMES}
            value={settings.typeface}
            onChange={settings.setTypeface}
          />
          <ChoiceGroup
            legend="Line width"
            choices={LINE_WIDTHS}
            names={LINE_WIDTH_NAMES}
            value={settings.lineWidth}
            onChange={settings.setLineWidth}
          />
        </div>
      ) : null}
    </div>
  );
}

interface ChoiceGroupProps<T extends string> {
  legend: string;
  choices: readonly T[];
  names: Readonly<Record<T, string>>;
  value: T;
  onChange: (value: T) => void;
}

/** A row of radio buttons drawn as a segmented control; arrow keys move between them. */
function ChoiceGroup<T extends string>({
  legend,
  choices,
  names,
  value,
  onChange,
}: ChoiceGroupProps<T>) {
  const name = useId();
  return (
    <fieldset className="reading-choice">
      <legend className="reading-choice-legend">{legend}</legend>
      <div className="reading-choice-options">
        {choices.map((choice) => (
          <label key={choice} className="reading-choice-option">
            <input
              type="radio"
              name={name}
              value={choice}
              checked={choice === value}
              onChange={() => onChange(choice)}
            />
            <span>{names[choice]}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
