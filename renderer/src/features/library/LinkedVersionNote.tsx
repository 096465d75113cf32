import type { LinkedPaperVersion } from '@shared/contract';
import { doiHref } from './paperIdentifierLinks';
import { FeedText } from '../../ui/FeedText';

export interface LinkedVersionNoteProps {
  version: LinkedPaperVersion;
  /** Shows the other version in the reader when the library has it. */
  onOpenItem: (itemId: string) => void;
}

const LEAD_IN: Record<LinkedPaperVersion['relation'], string> = {
  'published-version': 'Published version:',
  preprint: 'Preprint of this paper:',
};

/**
 * Points from a preprint to its journal version or back, opening it here when the library has it
 * and at doi.org otherwise; nothing when the publisher named the other version by arXiv id only.
 */
export function LinkedVersionNote({ version, onOpenItem }: LinkedVersionNoteProps) {
  const name = version.title ?? (version.doi !== null ? `doi:${version.doi}` : null);
  if (name === null) return null;
  return (
    <p className="reader-linked-version" role="note">
      <span className="reader-linked-version-lead">{LEAD_IN[version.relation]}</span>{' '}
      {version.itemId !== null ? (
        <button
          type="button"
          className="reader-inline-action"
          onClick={() => {
            if (version.itemId !== null) onOpenItem(version.itemId);
          }}
        >
          <FeedText text={name} />
        </button>
      ) : version.doi !== null ? (
        <a href={doiHref(version.doi)} target="_blank" rel="noopener noreferrer">
          <FeedText text={name} />
        </a>
      ) : (
        <FeedText text={name} />
      )}
    </p>
  );
}
