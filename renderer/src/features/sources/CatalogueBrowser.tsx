import type { CatalogueEntry, FeedSummary, Result } from '@shared/contract';
import { useDeferredValue, useId, useMemo, useState } from 'react';
import { DialogActions } from '../../ui/DialogActions';
import { TextField } from '../../ui/TextField';
import { useIsMounted } from '../../ui/useIsMounted';
import { CatalogueEntryRow, type EntrySubscription } from './CatalogueEntryRow';
import { CatalogueGroupSection } from './CatalogueGroupSection';
import { searchCatalogue } from './searchCatalogue';
import { useCatalogue } from './useCatalogue';

export interface CatalogueBrowserProps {
  onSubscribe: (url: string) => Promise<Result<FeedSummary, string>>;
  onDone: () => void;
}

/**
 * The bundled starter catalogue, searchable and grouped by specialty. Nothing is subscribed until
 * the user presses an entry's own Subscribe button; the dialog stays open so several can be picked.
 */
export function CatalogueBrowser({ onSubscribe, onDone }: CatalogueBrowserProps) {
  const catalogue = useCatalogue();
  const [query, setQuery] = useState('');
  const [subscriptions, setSubscriptions] = useState<ReadonlyMap<string, EntrySubscription>>(
    new Map(),
  );
  const searchId = useId();
  const countId = useId();
  const isMounted = useIsMounted();
  // Typing stays responsive with a few hundred entries to filter.
  const deferredQuery = useDeferredValue(query);

  const entries = catalogue.state.status === 'ready' ? catalogue.state.entries : null;
  const groups = useMemo(
    () => (entries === null ? [] : searchCatalogue(entries, deferredQuery)),
    [entries, deferredQuery],
  );
  const matches = groups.reduce((sum, group) => sum + group.entries.length, 0);

  const setSubscription = (id: string, subscription: EntrySubscription | null) =>
    setSubscriptions((current) => {
      const next = new Map(current);
      if (subscription === null) next.delete(id);
      else next.set(id, subscription);
      return next;
    });

  const subscribe = async (entry: CatalogueEntry) => {
    setSubscription(entry.id, { status: 'working' });
    const result = await onSubscribe(entry.url);
    if (!isMounted()) return;
    if (result.ok) {
      setSubscription(entry.id, null);
      catalogue.markSubscribed(entry.id);
    } else {
      setSubscription(entry.id, { status: 'failed', message: result.message });
    }
  };

  return (
    <div className="catalogue">
      <TextField
        id={searchId}
        label="Search catalogue"
        type="text"
        enterKeyHint="search"
        autoComplete="off"
        placeholder="Journal, publisher, specialty…"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        aria-describedby={countId}
        data-autofocus
      />
      <p id={countId} className="field-hint" role="status">
        {entries === null
          ? ''
          : matches === entries.length
            ? `${entries.length} feeds in ${groups.length} specialties`
            : `${matches} of ${entries.length} feeds match`}
      </p>
      <div className="catalogue-results">
        {catalogue.state.status === 'loading' ? (
          <p className="pane-loading">Loading the catalogue…</p>
        ) : catalogue.state.status === 'failed' ? (
          <div className="pane-problem" role="alert">
            <p>The catalogue could not be loaded. {catalogue.state.message}</p>
            <button type="button" className="button" onClick={catalogue.retry}>
              Try again
            </button>
          </div>
        ) : groups.length === 0 ? (
          <p className="catalogue-empty">
            Nothing in the catalogue matches “{query.trim()}”. Try a journal’s name or a specialty,
            or add the feed by its address.
          </p>
        ) : (
          groups.map((group) => (
            <CatalogueGroupSection key={group.specialty} specialty={group.specialty}>
              {group.entries.map((entry) => (
                <CatalogueEntryRow
                  key={entry.id}
                  entry={entry}
                  subscription={subscriptions.get(entry.id)}
                  onSubscribe={(picked) => void subscribe(picked)}
                />
              ))}
            </CatalogueGroupSection>
          ))
        )}
      </div>
      <DialogActions onCancel={onDone} cancelLabel="Done" />
    </div>
  );
}
