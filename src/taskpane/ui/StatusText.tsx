import { Text } from '@fluentui/react-components';
import type { ReactNode } from 'react';

/** A step's outcome sentence, announced politely to screen readers when it changes. */
export function StatusText({ children }: { children: ReactNode }) {
  return (
    <div role="status" aria-live="polite">
      {children ? <Text as="p" block>{children}</Text> : null}
    </div>
  );
}
