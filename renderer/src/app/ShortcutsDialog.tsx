import { DialogActions } from '../ui/DialogActions';
import { ModalDialog } from '../ui/ModalDialog';
import { SHORTCUTS, SHORTCUT_GROUPS, keyLabel } from './shortcuts';

/**
 * Every keyboard shortcut, read from the keymap the key handler uses, in a dialog: Escape or
 * Close shuts it and the focus goes back where it was.
 */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  return (
    <ModalDialog title="Keyboard shortcuts" onClose={onClose} size="wide">
      <p className="dialog-text">They work anywhere but while you type in a field or a note.</p>
      {SHORTCUT_GROUPS.map((group) => (
        <section key={group} className="shortcut-group" aria-label={group}>
          <h3 className="shortcut-group-title">{group}</h3>
          <dl className="shortcut-list">
            {SHORTCUTS.filter((shortcut) => shortcut.group === group).map((shortcut) => (
              <div key={shortcut.action} className="shortcut-entry">
                <dt className="shortcut-keys">
                  {shortcut.keys.map(({ key, shift }, index) => (
                    <span key={key}>
                      {index > 0 ? <span className="shortcut-or"> or </span> : null}
                      <kbd>{keyLabel(key, shift)}</kbd>
                    </span>
                  ))}
                </dt>
                <dd className="shortcut-description">{shortcut.description}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      <DialogActions onCancel={onClose} cancelLabel="Close" />
    </ModalDialog>
  );
}
