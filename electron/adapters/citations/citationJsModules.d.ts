// citation-js ships no type declarations. These cover only what citationJs.ts calls; everything it
// gets back is `unknown` and read field by field, so a change in the library's output cannot be
// mistaken for a valid reference.

declare module '@citation-js/core' {
  export const plugins: {
    input: {
      /** Runs the one parser registered for `format` on `input`; no type guessing, no network. */
      data(input: unknown, format: string): unknown;
    };
    config: {
      /** The mutable configuration object a plugin registered, or undefined. */
      get(plugin: string): unknown;
    };
  };
}

// Imported for its side effect: it registers the @biblatex/* and @bibtex/* formats with core.
declare module '@citation-js/plugin-bibtex';
