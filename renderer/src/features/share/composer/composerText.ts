// Words the composer shows for the contract's codes, in one place so every section says the same.
export { DISMISSAL_REASON_LABELS, PHI_TYPE_NAMES } from '@shared/domain/guard/findings';
import type { SharePlatform } from '@shared/domain/share/platformRules';

/** Platform names as the platforms spell them. */
export const PLATFORM_NAMES: Readonly<Record<SharePlatform, string>> = {
  x: 'X',
  bluesky: 'Bluesky',
  mastodon: 'Mastodon',
  threads: 'Threads',
  linkedin: 'LinkedIn',
};

/** "1 post", "3 posts". */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${count.toLocaleString('en')} ${count === 1 ? singular : plural}`;
}
