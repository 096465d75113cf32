import { useId, type ReactNode } from 'react';

export interface CatalogueGroupSectionProps {
  specialty: string;
  /** The specialty's entries, as list items. */
  children: ReactNode;
}

/** One specialty of the catalogue: a heading to jump by, and its entries as a list. */
export function CatalogueGroupSection({ specialty, children }: CatalogueGroupSectionProps) {
  const headingId = useId();
  return (
    <section className="catalogue-group" aria-labelledby={headingId}>
      <h3 id={headingId} className="catalogue-group-title">
        {specialty}
      </h3>
      <ul className="catalogue-entries">{children}</ul>
    </section>
  );
}
