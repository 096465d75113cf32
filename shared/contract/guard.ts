import { z } from 'zod';
import type { Finding } from '@shared/domain/guard/findings';
import { method, service } from './define';

/** The longest text `guard.scan` takes in one call: a long handout, in UTF-16 code units. */
export const MAX_GUARD_SCAN_LENGTH = 200_000;

/**
 * The `guard` service: the privacy guard as a method, so scripts can check a text the way every
 * export of Rounds does. It keeps nothing and sends nothing anywhere.
 */
export const guardContract = service('guard', {
  /**
   * The suspected HIPAA Safe Harbor identifiers in `text`, in order of position, as
   * `{ type, start, end, text }`: UTF-16 offsets, `end` exclusive, `text === input.slice(start, end)`.
   * The guard prompts the author; an empty answer does not prove a text is de-identified.
   */
  scan: method<Finding[]>()({
    args: z.tuple([z.object({ text: z.string().max(MAX_GUARD_SCAN_LENGTH) })]),
    maxRequestBytes: MAX_GUARD_SCAN_LENGTH * 6 + 1_024,
  }),
});
