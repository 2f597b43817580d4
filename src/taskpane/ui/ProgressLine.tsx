import { Field, ProgressBar, useAnnounce } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import type { ProgressInfo } from '../workspace/workspace';

interface ProgressLineProps {
  progress: ProgressInfo | null;
  /** Shown until the first progress report, and announced when the step starts, e.g. "Đang kiểm tra…". */
  fallbackLabel: string;
  /** Announced when the step ends (whether or not it worked: its outcome or error is announced on its own), e.g. "Đã kết thúc: kiểm tra." */
  endLabel: string;
}

/**
 * Progress of a running step: the workspace's label (e.g. the file being read) and "done/total".
 * Without progress yet, an indeterminate bar with `fallbackLabel`.
 * Screen readers hear only the start and the end (through the pane's AriaLiveAnnouncer): a sentence
 * for every file read would drown everything else. The bar itself keeps its label and aria-valuenow.
 */
export function ProgressLine({ progress, fallbackLabel, endLabel }: ProgressLineProps) {
  const { announce } = useAnnounce();
  // Refs, so that the labels of the first and last render are announced, not re-announced on change.
  const latest = useRef({ start: fallbackLabel, end: endLabel, announce });
  latest.current.end = endLabel;
  latest.current.announce = announce;
  useEffect(() => {
    const current = latest.current;
    current.announce(current.start, { polite: true });
    return () => current.announce(current.end, { polite: true });
  }, []);

  const counted = progress !== null && progress.total > 0;
  const label = progress ? (counted ? `${progress.label} (${progress.done}/${progress.total})` : progress.label) : fallbackLabel;
  const value = counted ? Math.min(1, progress.done / progress.total) : undefined;
  return (
    <Field label={label}>
      <ProgressBar value={value} max={1} thickness="large" />
    </Field>
  );
}
