import { makeStyles, tokens } from "@fluentui/react-components";

export const useProgressPanelStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
  },
  step: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  compute: {
    alignSelf: "stretch",
  },
  status: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  // Read by screen readers, not shown: the summary below already shows it.
  srOnly: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    padding: "0",
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
    border: "0",
  },
});
