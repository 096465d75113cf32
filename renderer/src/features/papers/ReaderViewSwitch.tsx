import type { HTMLAttributes } from 'react';
import { panelIdOf, TabList, tabIdOf } from '../../ui/TabList';
import type { ReaderView } from './readerViewMemory';

const TABS: readonly { id: ReaderView; label: string }[] = [
  { id: 'article', label: 'Article' },
  { id: 'pdf', label: 'PDF' },
];

export interface ReaderViewSwitchProps {
  /** Prefix of the tabs' and panel's ids (see {@link readerViewPanelProps}). */
  idPrefix: string;
  view: ReaderView;
  onChange: (view: ReaderView) => void;
}

/** Tabs between a paper's text and its PDF. */
export function ReaderViewSwitch({ idPrefix, view, onChange }: ReaderViewSwitchProps) {
  return (
    <div className="reader-view-switch">
      <TabList
        label="How to read this paper"
        tabs={TABS}
        selected={view}
        idPrefix={idPrefix}
        onSelect={onChange}
      />
    </div>
  );
}

/**
 * The attributes of the element holding the selected view: one element for both views, so the
 * article's text (and the highlights painted on it) stays in place while the PDF is shown.
 */
export function readerViewPanelProps(
  idPrefix: string,
  view: ReaderView,
): HTMLAttributes<HTMLDivElement> {
  return {
    id: panelIdOf(idPrefix, view),
    role: 'tabpanel',
    'aria-labelledby': tabIdOf(idPrefix, view),
  };
}
