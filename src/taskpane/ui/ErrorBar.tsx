import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';

/** A step's failure, shown in the step where it happened. The message says what to do next. */
export function ErrorBar({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>Không thực hiện được</MessageBarTitle>
        {message}
      </MessageBarBody>
    </MessageBar>
  );
}
