import { measureAltText, type AltTextPlatform } from '@shared/domain/share/altText';

const COUNTED: readonly [AltTextPlatform, string][] = [
  ['x', 'X'],
  ['mastodon', 'Mastodon'],
  ['bluesky', 'Bluesky'],
];

/** How much of each platform's alt text limit the description uses, overruns in words. */
export function AltTextCounters({ id, text }: { id: string; text: string }) {
  return (
    <ul id={id} className="composer-alt-counters" aria-label="Alt text length">
      {COUNTED.map(([platform, name]) => {
        const { used, limit, fits } = measureAltText(text, platform);
        return (
          <li key={platform} className={fits ? undefined : 'composer-over'}>
            {name}: {used.toLocaleString('en')} of {limit.toLocaleString('en')}
            {fits ? null : <strong> — {(used - limit).toLocaleString('en')} over the limit</strong>}
          </li>
        );
      })}
    </ul>
  );
}
