import { useRememberedState } from '../features/annotations/useRememberedState';

export const TEXT_SIZES = ['small', 'normal', 'large', 'larger'] as const;
export const TYPEFACES = ['serif', 'sans'] as const;
export const LINE_WIDTHS = ['narrow', 'normal', 'wide'] as const;

export type TextSize = (typeof TEXT_SIZES)[number];
export type Typeface = (typeof TYPEFACES)[number];
export type LineWidth = (typeof LINE_WIDTHS)[number];

/** What the menu calls each choice. */
export const TEXT_SIZE_NAMES: Readonly<Record<TextSize, string>> = {
  small: 'Small',
  normal: 'Normal',
  large: 'Large',
  larger: 'Larger',
};
export const TYPEFACE_NAMES: Readonly<Record<Typeface, string>> = {
  serif: 'Serif',
  sans: 'Sans serif',
};
export const LINE_WIDTH_NAMES: Readonly<Record<LineWidth, string>> = {
  narrow: 'Narrow',
  normal: 'Normal',
  wide: 'Wide',
};

export interface ReadingSettings {
  textSize: TextSize;
  typeface: Typeface;
  lineWidth: LineWidth;
  setTextSize: (size: TextSize) => void;
  setTypeface: (typeface: Typeface) => void;
  setLineWidth: (width: LineWidth) => void;
}

/**
 * How the reader sets an article's text, remembered between starts. The stylesheet turns each
 * choice into sizes in rem (reader.css), so a larger text size chosen in the system still counts.
 */
export function useReadingSettings(): ReadingSettings {
  const [textSize, setTextSize] = useRememberedState(
    'rounds.reading.text-size',
    TEXT_SIZES,
    'normal',
  );
  const [typeface, setTypeface] = useRememberedState('rounds.reading.typeface', TYPEFACES, 'serif');
  const [lineWidth, setLineWidth] = useRememberedState(
    'rounds.reading.line-width',
    LINE_WIDTHS,
    'normal',
  );
  return { textSize, typeface, lineWidth, setTextSize, setTypeface, setLineWidth };
}
