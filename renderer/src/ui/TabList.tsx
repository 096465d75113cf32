import type { KeyboardEvent } from 'react';

export interface TabListProps<Id extends string> {
  /** Names the tab list for assistive technology. */
  label: string;
  tabs: readonly { id: Id; label: string }[];
  selected: Id;
  /** Prefix of the ids of tabs and panels (see `panelIdOf` and `tabIdOf`). */
  idPrefix: string;
  onSelect: (id: Id) => void;
}

/** The element id of a tab's panel, for the owner to put on its `role="tabpanel"`. */
export function panelIdOf(idPrefix: string, tab: string): string {
  return `${idPrefix}-panel-${tab}`;
}

/** The element id of a tab, for the owner's panel to be labelled by. */
export function tabIdOf(idPrefix: string, tab: string): string {
  return `${idPrefix}-tab-${tab}`;
}

/**
 * Tabs as the ARIA pattern describes them: one tab stop, arrow keys, Home and End move between
 * tabs and select the one they land on.
 */
export function TabList<Id extends string>({
  label,
  tabs,
  selected,
  idPrefix,
  onSelect,
}: TabListProps<Id>) {
  const moveTo = (index: number) => {
    const tab = tabs[(index + tabs.length) % tabs.length];
    if (!tab) return;
    onSelect(tab.id);
    document.getElementById(tabIdOf(idPrefix, tab.id))?.focus();
  };

  const handleKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const current = tabs.findIndex((tab) => tab.id === selected);
    const targets: Record<string, number> = {
      ArrowRight: current + 1,
      ArrowLeft: current - 1,
      Home: 0,
      End: tabs.length - 1,
    };
    const target = targets[event.key];
    if (target === undefined) return;
    event.preventDefault();
    moveTo(target);
  };

  return (
    <div className="tab-list" role="tablist" aria-label={label} onKeyDown={handleKeyDown}>
      {tabs.map((tab) => (
        <button
          key={tab.id}
          id={tabIdOf(idPrefix, tab.id)}
          type="button"
          role="tab"
          className="tab"
          aria-selected={tab.id === selected}
          // Only the selected tab's panel is in the document.
          aria-controls={tab.id === selected ? panelIdOf(idPrefix, tab.id) : undefined}
          tabIndex={tab.id === selected ? 0 : -1}
          onClick={() => onSelect(tab.id)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}
