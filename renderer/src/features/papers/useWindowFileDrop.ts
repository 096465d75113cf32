import { useEffect, useRef, useState } from 'react';

function carriesFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes('Files') ?? false;
}

/** The `claims` of every hook that takes only some files: those files go to them alone. */
const claimers = new Set<(file: File) => boolean>();

export interface WindowFileDropOptions {
  /**
   * Takes only the files this accepts (OPML for subscriptions), and keeps them from the hooks
   * that take everything else (papers). Pass a function defined once, not a new one per render.
   */
  claims?: (file: File) => boolean;
}

/**
 * Files dropped anywhere on the window go to `onDrop`; `dragging` is true while files are held
 * over it (for the drop overlay). Dragging text or links is left alone. Counting enters and
 * leaves is needed because the window fires both each time the pointer crosses a child element.
 */
export function useWindowFileDrop(
  onDrop: (files: File[]) => void,
  { claims }: WindowFileDropOptions = {},
): { dragging: boolean } {
  const [dragging, setDragging] = useState(false);
  const onDropRef = useRef(onDrop);
  useEffect(() => {
    onDropRef.current = onDrop;
  }, [onDrop]);
  const claimsRef = useRef(claims);
  useEffect(() => {
    claimsRef.current = claims;
    if (!claims) return;
    claimers.add(claims);
    return () => {
      claimers.delete(claims);
    };
  }, [claims]);

  useEffect(() => {
    let depth = 0;
    const enter = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth++;
      setDragging(true);
    };
    const over = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      // Without this the browser opens the file instead of handing it to the page.
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const leave = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const drop = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth = 0;
      setDragging(false);
      const files = [...(event.dataTransfer?.files ?? [])];
      const own = claimsRef.current;
      const taken = own
        ? files.filter(own)
        : files.filter((file) => ![...claimers].some((claimer) => claimer(file)));
      if (taken.length > 0) onDropRef.current(taken);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, []);

  return { dragging };
}
