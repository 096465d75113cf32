import type { Result } from '@shared/contract';
import type { ExportFinding, KeptFinding } from '@shared/domain/guard/exportGuard';
import { useCallback, useState, type ReactNode } from 'react';
import { useIsMounted } from '../../ui/useIsMounted';
import { ExportFindingsDialog } from './ExportFindingsDialog';

/** One export the privacy guard stands in front of. */
export interface GuardedExportRequest {
  /** Asks the backend what the file would carry that may identify a patient. */
  findings: () => Promise<Result<ExportFinding[], string>>;
  /** Exports with these findings kept; resolves with the refusal's message, or null once saved. */
  exportWith: (kept: KeptFinding[]) => Promise<string | null>;
  /** Told when the export could not even start, or was refused without the dialog open. */
  onFailure: (message: string) => void;
}

export interface GuardedExport {
  /** Asks for the findings, exports at once when there are none, else opens the dialog. */
  start: (request: GuardedExportRequest) => Promise<void>;
  /** The dialog while one is open (render it anywhere), else null. */
  dialog: ReactNode;
}

/**
 * The guard's step before every export of annotations or a session: nothing found, nothing
 * asked; something found, the user decides in {@link ExportFindingsDialog} and the export is
 * sent again with what they kept (the backend scans once more and refuses anything new).
 */
export function useGuardedExport(editWhat: string): GuardedExport {
  const [pending, setPending] = useState<{
    request: GuardedExportRequest;
    findings: ExportFinding[];
  } | null>(null);
  const isMounted = useIsMounted();

  const start = useCallback(
    async (request: GuardedExportRequest) => {
      const found = await request.findings();
      if (!isMounted()) return;
      if (!found.ok) return request.onFailure(found.message);
      if (found.value.length > 0) return setPending({ request, findings: found.value });
      const refusal = await request.exportWith([]);
      if (refusal !== null && isMounted()) request.onFailure(refusal);
    },
    [isMounted],
  );

  const dialog =
    pending === null ? null : (
      <ExportFindingsDialog
        findings={pending.findings}
        editWhat={editWhat}
        onCancel={() => setPending(null)}
        onExport={async (kept) => {
          const refusal = await pending.request.exportWith(kept);
          if (refusal === null && isMounted()) setPending(null);
          return refusal;
        }}
      />
    );

  return { start, dialog };
}
