import { MessageBar, MessageBarBody, MessageBarTitle, type MessageBarIntent } from '@fluentui/react-components';
import type { ReactNode } from 'react';

/** A MessageBar that wraps long Vietnamese sentences and lists instead of truncating them. */
export function InfoBar({ intent, title, children }: { intent: MessageBarIntent; title?: string; children: ReactNode }) {
  return (
    <MessageBar intent={intent} layout="multiline">
      <MessageBarBody>
        {title ? <MessageBarTitle>{title}</MessageBarTitle> : null}
        {children}
      </MessageBarBody>
    </MessageBar>
  );
}
