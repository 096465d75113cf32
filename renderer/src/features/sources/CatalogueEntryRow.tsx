import type { CatalogueEntry } from '@shared/contract';
import { useId } from 'react';
import { catalogueKindLabel } from './searchCatalogue';

/** Where subscribing to one entry stands. */
export type EntrySubscription = { status: 'working' } | { status: 'failed'; message: string };

export interface CatalogueEntryRowProps {
  entry: CatalogueEntry;
  subscription: EntrySubscription | undefined;
  onSubscribe: (entry: CatalogueEntry) => void;
}

/**
 * One catalogue entry: title, publisher and kind, and its own Subscribe button, named after the
 * entry so a list of them still reads well button by button.
 */
export function CatalogueEntryRow({ entry, subscription, onSubscribe }: CatalogueEntryRowProps) {
  const detailsId = useId();
  const working = subscription?.status === 'working';
  return (
    <li className="catalogue-entry">
      <div className="catalogue-entry-text">
        <span className="catalogue-entry-title">{entry.title}</span>
        <span id={detailsId} className="catalogue-entry-details">
          <span className={`kind-badge kind-${entry.kind}`}>{catalogueKindLabel(entry.kind)}</span>
          <span className="catalogue-entry-publisher">{entry.publisher}</span>
        </span>
        {subscription?.status === 'failed' ? (
          <p className="field-error catalogue-entry-error" role="alert">
            {subscription.message}
          </p>
        ) : null}
      </div>
      {/* One button throughout, made inert with aria-disabled, so the focus stays on it while it
          changes from Subscribe to Subscribed. */}
      <button
        type="button"
        className="button button-small catalogue-subscribe"
        aria-label={`${entry.subscribed ? 'Subscribed to' : working ? 'Subscribing to' : 'Subscribe to'} ${entry.title}`}
        aria-describedby={detailsId}
        aria-disabled={entry.subscribed || working ? true : undefined}
        onClick={() => {
          if (!entry.subscribed && !working) onSubscribe(entry);
        }}
      >
        {entry.subscribed ? 'Subscribed' : working ? 'Subscribing…' : 'Subscribe'}
      </button>
    </li>
  );
}
