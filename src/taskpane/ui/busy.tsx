/**
 * One "busy" flag for the whole pane: while any step runs, every action button is disabled, so two
 * steps never write to the workbook at the same time. Nested entries (the one-click run wraps three
 * steps) keep the flag up in between.
 */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

interface BusyControl {
  busy: boolean;
  enter(): void;
  leave(): void;
}

const BusyContext = createContext<BusyControl | null>(null);

export function BusyProvider({ children }: { children: ReactNode }) {
  const [depth, setDepth] = useState(0);
  const enter = useCallback(() => setDepth((d) => d + 1), []);
  const leave = useCallback(() => setDepth((d) => Math.max(0, d - 1)), []);
  const value = useMemo(() => ({ busy: depth > 0, enter, leave }), [depth, enter, leave]);
  return <BusyContext.Provider value={value}>{children}</BusyContext.Provider>;
}

export function useBusy(): BusyControl {
  const control = useContext(BusyContext);
  if (!control) throw new Error('useBusy needs a BusyProvider above it');
  return control;
}
