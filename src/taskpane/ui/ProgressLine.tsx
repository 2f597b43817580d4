import { Field, ProgressBar } from '@fluentui/react-components';
import type { ProgressInfo } from '../workspace/workspace';

/**
 * Progress of a running step: the workspace's label (e.g. the file being read) and "done/total".
 * Without progress yet, an indeterminate bar with `fallbackLabel`.
 */
export function ProgressLine({ progress, fallbackLabel }: { progress: ProgressInfo | null; fallbackLabel: string }) {
  const counted = progress !== null && progress.total > 0;
  const label = progress ? (counted ? `${progress.label} (${progress.done}/${progress.total})` : progress.label) : fallbackLabel;
  const value = counted ? Math.min(1, progress.done / progress.total) : undefined;
  return (
    <div role="status" aria-live="polite">
      <Field label={label}>
        <ProgressBar value={value} max={1} thickness="large" />
      </Field>
    </div>
  );
}
