import type { ReactNode } from 'react';
import { linksInText } from './linksInText';

/** Plain text (a post's excerpt) with its web addresses and DOIs as links that open outside. */
export function LinkedText({ text }: { text: string }) {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const link of linksInText(text)) {
    parts.push(text.slice(at, link.start));
    parts.push(
      <a key={link.start} href={link.href} target="_blank" rel="noopener noreferrer">
        {text.slice(link.start, link.end)}
      </a>,
    );
    at = link.end;
  }
  parts.push(text.slice(at));
  return <>{parts}</>;
}
