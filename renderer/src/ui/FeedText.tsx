import { stripInvisibleControls } from '@shared/domain/feeds/stripInvisibleControls';

export interface FeedTextProps {
  /** A title, author, journal or feed name as a feed gave it. */
  text: string;
}

/**
 * Text a feed chose, shown so it cannot disguise itself or its surroundings: invisible bidi
 * controls and zero-width characters are removed (items stored before ingest stripped them still
 * have them), and the text is isolated, so a right-to-left name cannot reorder the punctuation,
 * counts or dates around it.
 */
export function FeedText({ text }: FeedTextProps) {
  return <bdi>{stripInvisibleControls(text)}</bdi>;
}
