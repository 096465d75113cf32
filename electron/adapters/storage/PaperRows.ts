import type { ItemDetailRow, ItemRow, LinkedVersion } from '../../services/library/LibraryStore';
import type { IndexedItem, NewestFirstItemIndex } from './NewestFirstItemIndex';

/** Builds the rows lists and the reader show, with what the index knows about each paper. */
export class PaperRows {
  constructor(private readonly list: NewestFirstItemIndex) {}

  /** An item as lists show it: record, marks, the paper's copies and its discussion count. */
  rowOf(item: IndexedItem): ItemRow {
    return {
      ...item.record,
      read: item.read,
      starred: item.starred,
      copies: this.list.copiesOf(item).map(({ record }) => ({
        itemId: record.id,
        feedId: record.feedId,
        link: record.link,
      })),
      discussedBy: this.list.colleaguesDiscussing(item),
    };
  }

  /** An item as the reader shows it: its row, HTML, colleagues' posts and other version. */
  detailOf(item: IndexedItem, contentHtml: string): ItemDetailRow {
    return {
      ...this.rowOf(item),
      contentHtml,
      discussions: this.list.discussionsOf(item).map((post) => this.rowOf(post)),
      linkedVersion: this.linkedVersionOf(item),
    };
  }

  /** The preprint or published version a publisher names for any copy of this paper. */
  private linkedVersionOf(item: IndexedItem): LinkedVersion | null {
    const copies = this.list.copiesOf(item);
    for (const { record } of copies) {
      if (record.relatedDoi === null) continue;
      const published = this.list.paperWithDoi(record.relatedDoi);
      return {
        relation: 'published-version',
        doi: record.relatedDoi,
        row: published ? this.rowOf(published) : null,
      };
    }
    for (const { record } of copies) {
      const preprint =
        record.paperIds.doi === null
          ? undefined
          : this.list.preprintsPublishedAs(record.paperIds.doi)[0];
      if (preprint) {
        return {
          relation: 'preprint',
          doi: preprint.record.paperIds.doi,
          row: this.rowOf(preprint),
        };
      }
    }
    return null;
  }
}
