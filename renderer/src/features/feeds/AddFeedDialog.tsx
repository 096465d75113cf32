import type { FeedSummary, Result } from '@shared/contract';
import { useId, useState } from 'react';
import { ModalDialog } from '../../ui/ModalDialog';
import { panelIdOf, TabList, tabIdOf } from '../../ui/TabList';
import { CatalogueBrowser } from '../sources/CatalogueBrowser';
import { FeedAddressForm } from './FeedAddressForm';

export interface AddFeedDialogProps {
  onSubscribe: (url: string) => Promise<Result<FeedSummary, string>>;
  /** A feed was added by its address; the dialog is done. */
  onSubscribed: (feed: FeedSummary) => void;
  onClose: () => void;
}

type AddFeedTab = 'address' | 'catalogue';

const TABS: readonly { id: AddFeedTab; label: string }[] = [
  { id: 'address', label: 'Address' },
  { id: 'catalogue', label: 'Browse catalogue' },
];

/**
 * Two ways to subscribe: type a feed's address, or browse the bundled catalogue of journals,
 * preprint servers and guideline publishers. The address form comes first, as it always has.
 */
export function AddFeedDialog({ onSubscribe, onSubscribed, onClose }: AddFeedDialogProps) {
  const [tab, setTab] = useState<AddFeedTab>('address');
  const idPrefix = useId();
  return (
    <ModalDialog title="Add feed" size="wide" onClose={onClose}>
      <TabList
        label="Ways to add a feed"
        tabs={TABS}
        selected={tab}
        idPrefix={idPrefix}
        onSelect={setTab}
      />
      <div
        id={panelIdOf(idPrefix, tab)}
        className="tab-panel"
        role="tabpanel"
        aria-labelledby={tabIdOf(idPrefix, tab)}
      >
        {tab === 'address' ? (
          <FeedAddressForm
            onSubscribe={onSubscribe}
            onSubscribed={onSubscribed}
            onCancel={onClose}
          />
        ) : (
          <CatalogueBrowser onSubscribe={onSubscribe} onDone={onClose} />
        )}
      </div>
    </ModalDialog>
  );
}
