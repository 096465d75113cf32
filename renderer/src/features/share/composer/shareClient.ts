import type { ServiceClient } from '@shared/contract/define';
import type { shareContract } from '@shared/contract/share';

/** The `share` service as the composer calls it (the real client, or a test's fake backend). */
export type ShareClient = ServiceClient<typeof shareContract>;
