import { makeStyles, tokens } from "@fluentui/react-components";

export const useDetectStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  sheetSelect: {
    minWidth: "0",
  },
  found: {
    fontWeight: tokens.fontWeightSemibold,
  },
  reread: {
    alignSelf: "flex-start",
  },
  muted: {
    color: tokens.colorNeutralForeground3,
  },
});
