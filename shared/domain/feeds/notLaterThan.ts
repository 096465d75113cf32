/**
 * A publication date that cannot be later than when Rounds fetched the item: a feed that dates an
 * entry in the future (a typo of 2049, a scheduled post, a server clock running ahead) would
 * otherwise keep it above every new paper until that day comes. A later date becomes the fetch
 * time itself, with no tolerance: a date a few minutes ahead then reads "just now" instead of
 * showing a time that has not come yet. Both dates are ISO 8601; null stays null (an undated item
 * is listed by its fetch time).
 */
export function notLaterThan(publishedAt: string | null, fetchedAt: string): string | null {
  if (publishedAt === null) return null;
  return Date.parse(publishedAt) > Date.parse(fetchedAt) ? fetchedAt : publishedAt;
}
