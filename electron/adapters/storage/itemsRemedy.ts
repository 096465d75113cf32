/** What the user can do about lost articles, shown with notices about item files. */
export const ITEMS_REMEDY = 'Refreshing your feeds fetches their articles again.';
