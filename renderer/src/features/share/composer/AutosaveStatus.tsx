import type { SaveState } from './useComposerDraft';

/** The autosave's state in words; a refused save says why, and the text stays as typed. */
export function AutosaveStatus({ state }: { state: SaveState }) {
  const text =
    state.kind === 'saved'
      ? 'Saved'
      : state.kind === 'saving'
        ? 'Saving…'
        : `Not saved: ${state.message}`;
  return (
    <p
      role="status"
      className={
        state.kind === 'failed' ? 'composer-autosave composer-autosave-failed' : 'composer-autosave'
      }
    >
      {text}
    </p>
  );
}
