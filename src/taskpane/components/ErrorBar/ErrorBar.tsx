import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { describeError, Failure } from "../../lib/errors";
import { useMessages } from "../../messages";

/** A failure as a Fluent message bar, in the pane's language. */
export function ErrorBar({ failure }: { failure: Failure }) {
  const m = useMessages();
  const { title, text } = describeError(failure, m);
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle> {text}
      </MessageBarBody>
    </MessageBar>
  );
}
