const FLASH_CLASS = 'highlight--flash';

/**
 * Scrolls a highlight's first mark into view and flashes all its marks, so the passage is found at
 * a glance; false when it has no mark in the document (not painted, or its page not drawn).
 */
export function revealMarks(marks: readonly HTMLElement[]): boolean {
  const first = marks[0];
  if (first === undefined || !first.isConnected) return false;
  // jsdom has no scrolling; a browser centres the passage.
  first.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
  for (const mark of marks) {
    mark.classList.remove(FLASH_CLASS);
    // Reading the width restarts the animation when the same highlight is flashed again.
    void mark.offsetWidth;
    mark.classList.add(FLASH_CLASS);
    mark.addEventListener('animationend', () => mark.classList.remove(FLASH_CLASS), {
      once: true,
    });
  }
  return true;
}

/** Each mark says what its colour means, so the highlight does not rely on colour alone. */
export function describeMarks(marks: readonly HTMLElement[], meaning: string): void {
  for (const mark of marks) {
    mark.setAttribute('aria-description', `Highlight: ${meaning}`);
    mark.setAttribute('title', meaning);
  }
}
