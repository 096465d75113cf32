// The part of satori 0.63.2's API the card renderer uses, and the one place satori is loaded.
// satori's own declarations import @types/react, whose global declarations (an empty HTMLElement,
// the JSX namespace) would enter the backend's whole program and change what the journeys'
// DOM-free types mean; so the module is imported by a specifier TypeScript does not resolve and
// typed by this description instead.

/** A font satori may lay text out with. */
export interface Font {
  data: Buffer | ArrayBuffer;
  name: string;
  weight?: 100 | 200 | 300 | 400 | 500 | 600 | 700 | 800 | 900;
  style?: 'normal' | 'italic';
  lang?: string;
}

export interface SatoriOptions {
  width: number;
  height: number;
  fonts: Font[];
  /** Asked for text no given font covers (emoji, other scripts). */
  loadAdditionalAsset?: (languageCode: string, segment: string) => Promise<string | Font[]>;
}

/** Lays out an element tree (React-element-shaped plain objects) as an SVG document. */
export type Satori = (element: unknown, options: SatoriOptions) => Promise<string>;

const SATORI_MODULE = 'satori';

/** satori's layout function, loaded on first use. */
export async function loadSatori(): Promise<Satori> {
  const loaded = (await import(/* @vite-ignore */ SATORI_MODULE)) as { default: Satori };
  return loaded.default;
}
