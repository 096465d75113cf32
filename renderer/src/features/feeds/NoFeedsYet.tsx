import { EmptyState } from '../../ui/EmptyState';

export interface NoFeedsYetProps {
  onAddFeed: () => void;
}

/** What a new user sees in place of the item list: one clear first step. */
export function NoFeedsYet({ onAddFeed }: NoFeedsYetProps) {
  return (
    <EmptyState title="No feeds yet">
      <p>
        Follow a journal, a preprint server or a colleague&rsquo;s blog by its feed address.
        Everything Rounds fetches stays readable without a network.
      </p>
      <button type="button" className="button button-primary" onClick={onAddFeed}>
        Add your first feed
      </button>
    </EmptyState>
  );
}
