import type { PaperImagesSaved, Result } from '@shared/contract';
import { remoteImageSourcesOf } from '@shared/domain/images/imageSources';
import { useMemo, useState } from 'react';
import { api } from '../../ipc/api';
import { useIsMounted } from '../../ui/useIsMounted';
import './images.css';

/** Saves one paper's images: the backend's `images.savePaperImages`, or a test's own. */
export type SaveImages = (itemId: string) => Promise<Result<PaperImagesSaved, string>>;

const saveThroughBackend: SaveImages = (itemId) => api.images.savePaperImages({ itemId });

export interface SavePaperImagesProps {
  itemId: string;
  /** The paper's HTML as `library.get` gave it: saved images already name the app's origin. */
  contentHtml: string;
  save?: SaveImages;
}

/**
 * "Save this paper's images", offered while the paper names images that are not saved (its feed
 * does not keep them, or they failed before). The reader shows them once saved: the backend
 * tells the window, which asks for the paper again.
 */
export function SavePaperImages({
  itemId,
  contentHtml,
  save = saveThroughBackend,
}: SavePaperImagesProps) {
  const remote = useMemo(() => remoteImageSourcesOf(contentHtml).length, [contentHtml]);
  const [saving, setSaving] = useState(false);
  const [outcome, setOutcome] = useState<string | null>(null);
  const isMounted = useIsMounted();
  if (remote === 0 && outcome === null) return null;

  const saveImages = async () => {
    if (saving) return;
    setSaving(true);
    setOutcome(null);
    const result = await save(itemId);
    if (!isMounted()) return;
    setSaving(false);
    setOutcome(result.ok ? describeSaved(result.value) : result.message);
  };

  return (
    <div className="save-images">
      {remote > 0 ? (
        <button
          type="button"
          className="button button-small"
          disabled={saving}
          onClick={() => void saveImages()}
        >
          {saving ? 'Saving images…' : 'Save this paper’s images'}
        </button>
      ) : null}
      <span className="save-images-outcome" role="status">
        {outcome}
      </span>
    </div>
  );
}

function describeSaved({ stored, failed }: PaperImagesSaved): string {
  const saved = `Saved ${stored} ${stored === 1 ? 'image' : 'images'}.`;
  if (failed.length === 0) return saved;
  const reasons = [...new Set(failed.map((failure) => failure.message))].join(' ');
  return `${saved} ${failed.length} could not be saved: ${reasons}`;
}
