/**
 * The period field. What the user typed wins: when the setup is read again (after "Chèn mẫu vào sổ"
 * or "Đọc lại") and names another period, the pane asks instead of replacing the typed text.
 */
import { useCallback, useRef, useState } from 'react';
import type { Workspace } from '../workspace/workspace';

export interface PeriodDraft {
  value: string;
  /** The period the workbook names, when it differs from what the user typed; null when nothing to ask. */
  conflict: string | null;
  type(value: string): void;
  /** Takes the period read from the setup (first load or reload). */
  receive(period: string): void;
  acceptFound(): void;
  keepTyped(): void;
}

export function usePeriodDraft(workspace: Workspace): PeriodDraft {
  const [value, setValue] = useState('');
  const [conflict, setConflict] = useState<string | null>(null);
  // Refs, so that receive() sees the latest typing even when called from an older render's closure.
  const typed = useRef<string | null>(null);

  const type = useCallback(
    (next: string) => {
      typed.current = next;
      setValue(next);
      workspace.setPeriod(next.trim());
    },
    [workspace],
  );

  const receive = useCallback(
    (period: string) => {
      const mine = typed.current;
      if (mine === null || mine.trim() === period.trim()) {
        typed.current = null;
        setValue(period);
        setConflict(null);
        return;
      }
      // Reading the setup may have reset the workspace's period: keep using the typed one until the user decides.
      workspace.setPeriod(mine.trim());
      setConflict(period);
    },
    [workspace],
  );

  const acceptFound = useCallback(() => {
    if (conflict === null) return;
    typed.current = null;
    setValue(conflict);
    workspace.setPeriod(conflict.trim());
    setConflict(null);
  }, [conflict, workspace]);

  const keepTyped = useCallback(() => setConflict(null), []);

  return { value, conflict, type, receive, acceptFound, keepTyped };
}
