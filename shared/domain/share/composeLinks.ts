// The platforms' own compose pages, opened in the system browser with the post's text filled in,
// for users who would rather post by hand or use a platform Rounds does not post to directly.
import { parseWebUrl } from '@shared/domain/feeds/parseWebUrl';
import type { SharePlatform } from './platformRules';

/** What a compose link needs besides the text. */
export interface ComposeLinkOptions {
  /** The user's Mastodon instance (`https://mastodon.social`); required for Mastodon. */
  mastodonInstance: string | null;
  /** The paper's link: LinkedIn's share page takes only a link, not text. */
  paperUrl: string | null;
}

/** Why a compose link could not be made, as a sentence. */
export type ComposeLink = { ok: true; url: string } | { ok: false; message: string };

function withText(base: string, key: string, text: string): string {
  return `${base}?${key}=${encodeURIComponent(text)}`;
}

/**
 * The address of `platform`'s compose page holding `text`. Mastodon needs the user's instance
 * (https only); LinkedIn shares the paper's link and the user pastes the text.
 */
export function composeLinkFor(
  platform: SharePlatform,
  text: string,
  options: ComposeLinkOptions,
): ComposeLink {
  switch (platform) {
    case 'x':
      return { ok: true, url: withText('https://x.com/intent/post', 'text', text) };
    case 'bluesky':
      return { ok: true, url: withText('https://bsky.app/intent/compose', 'text', text) };
    case 'threads':
      return { ok: true, url: withText('https://www.threads.net/intent/post', 'text', text) };
    case 'linkedin':
      if (!options.paperUrl) {
        return { ok: false, message: 'LinkedIn shares a link, and this paper has none.' };
      }
      return {
        ok: true,
        url: withText('https://www.linkedin.com/sharing/share-offsite/', 'url', options.paperUrl),
      };
    case 'mastodon': {
      const instance = options.mastodonInstance ? safeInstance(options.mastodonInstance) : null;
      if (!instance) {
        return {
          ok: false,
          message:
            'Set your Mastodon instance (such as https://mastodon.social) in Accounts first.',
        };
      }
      return { ok: true, url: withText(`${instance}/share`, 'text', text) };
    }
  }
}

function safeInstance(address: string): string | null {
  const url = parseWebUrl(address);
  if (url?.protocol !== 'https:' || url.hostname === '') return null;
  return `https://${url.hostname}${url.port ? `:${url.port}` : ''}`;
}
