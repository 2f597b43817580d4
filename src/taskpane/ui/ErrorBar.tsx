import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';

/**
 * A step's failure, shown in the step where it happened. The message says what to do next.
 * MessageBar announces itself through the pane's AriaLiveAnnouncer; role="alert" makes sure a screen
 * reader hears it even where that announcer is missing or not supported.
 */
export function ErrorBar({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>Không thực hiện được</MessageBarTitle>
        {message}
      </MessageBarBody>
    </MessageBar>
  );
}
