/**
 * The period field. What the user typed wins: when the setup is read again (after "Chèn mẫu vào sổ"
 * or "Đọc lại") and names another period, the pane asks instead of replacing the typed text.
 * Handing the workspace another period makes it drop its last check and consolidation: `onChanged`
 * is then called so that the pane drops what it shows of them too.
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

export function usePeriodDraft(workspace: Workspace, onChanged: () => void): PeriodDraft {
  const [value, setValue] = useState('');
  const [conflict, setConflict] = useState<string | null>(null);
  // Refs, so that receive() sees the latest typing even when called from an older render's closure.
  const typed = useRef<string | null>(null);
  /** The period (trimmed) the workspace was last given or read with; null before the first read. */
  const applied = useRef<string | null>(null);
  const changed = useRef(onChanged);
  changed.current = onChanged;

  /** Hands `period` to the workspace; tells the pane when it differs from the one in use. */
  const apply = useCallback(
    (period: string) => {
      const next = period.trim();
      workspace.setPeriod(next);
      if (next !== applied.current) {
        applied.current = next;
        changed.current();
      }
    },
    [workspace],
  );

  const type = useCallback(
    (next: string) => {
      typed.current = next;
      setValue(next);
      apply(next);
    },
    [apply],
  );

  const receive = useCallback(
    (period: string) => {
      const mine = typed.current;
      if (mine === null || mine.trim() === period.trim()) {
        typed.current = null;
        applied.current = period.trim();
        setValue(period);
        setConflict(null);
        return;
      }
      // Reading the setup may have reset the workspace's period: keep using the typed one until the user decides.
      apply(mine);
      setConflict(period);
    },
    [apply],
  );

  const acceptFound = useCallback(() => {
    if (conflict === null) return;
    typed.current = null;
    setValue(conflict);
    apply(conflict);
    setConflict(null);
  }, [conflict, apply]);

  const keepTyped = useCallback(() => setConflict(null), []);

  return { value, conflict, type, receive, acceptFound, keepTyped };
}
