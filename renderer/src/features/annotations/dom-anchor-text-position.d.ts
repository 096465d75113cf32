// dom-anchor-text-position 5.0.0 ships no types; these cover the two functions Rounds calls.
declare module 'dom-anchor-text-position' {
  /** Offsets into `root.textContent`, in UTF-16 code units. */
  export interface TextPositionSelector {
    start: number;
    end: number;
  }
  /** The offsets of `range` within `root`'s text; `range` must lie inside `root`. */
  export function fromRange(root: Node, range: Range): TextPositionSelector;
  /** A range over `root`'s text from `selector.start` to `selector.end`. */
  export function toRange(root: Node, selector?: Partial<TextPositionSelector>): Range;
}
