import type { SessionChange } from '@shared/contract';

/** Sends one change to the open session; resolves with the refusal's message, or null. */
export type ChangeSession = (change: SessionChange) => Promise<string | null>;
