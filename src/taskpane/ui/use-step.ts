/** State of one long-running pane step: running flag, latest progress, last result or error. */
import { useCallback, useRef, useState } from 'react';
import type { OnProgress, ProgressInfo } from '../workspace/workspace';
import { useBusy } from './busy';
import { errorText } from './errors';

export interface StepState<T> {
  running: boolean;
  progress: ProgressInfo | null;
  error: string | null;
  result: T | null;
  /** Successful runs so far: a key that changes with every new result. */
  runs: number;
}

export interface StepRun<T> extends StepState<T> {
  /**
   * Runs the task (marking the whole pane busy) and resolves with its result, or null when it failed;
   * the error text is then in `error`. `failedAction` starts the message of an unexpected error.
   */
  run(task: (onProgress: OnProgress) => Promise<T>, failedAction: string): Promise<T | null>;
  /**
   * Forgets the last result and error (the data they were made from changed). A run still going on
   * when reset is called no longer stores what it ends with.
   */
  reset(): void;
}

const IDLE = { running: false, progress: null, error: null, result: null, runs: 0 };

export function useStep<T>(): StepRun<T> {
  const { enter, leave } = useBusy();
  const [state, setState] = useState<StepState<T>>(IDLE);
  const runId = useRef(0);

  const run = useCallback(
    async (task: (onProgress: OnProgress) => Promise<T>, failedAction: string): Promise<T | null> => {
      const id = ++runId.current;
      enter();
      // The previous result stays visible while the step runs again, so the section does not jump.
      setState((s) => ({ ...s, running: true, progress: null, error: null }));
      const onProgress: OnProgress = (p) => {
        if (runId.current === id) setState((s) => (s.running ? { ...s, progress: { ...p } } : s));
      };
      try {
        const result = await task(onProgress);
        if (runId.current !== id) return null;
        setState((s) => ({ running: false, progress: null, error: null, result, runs: s.runs + 1 }));
        return result;
      } catch (e) {
        if (runId.current !== id) return null;
        setState((s) => ({ ...s, running: false, progress: null, error: errorText(e, failedAction), result: null }));
        return null;
      } finally {
        leave();
      }
    },
    [enter, leave],
  );

  const reset = useCallback(() => {
    runId.current++;
    // `runs` keeps counting, so that whatever is keyed by it starts afresh with the next result.
    setState((s) => ({ ...IDLE, runs: s.runs }));
  }, []);

  return { ...state, run, reset };
}
