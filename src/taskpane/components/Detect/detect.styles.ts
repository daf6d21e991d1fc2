import { makeStyles, tokens } from "@fluentui/react-components";

export const useDetectStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
  },
  sheetRow: {
    display: "flex",
    alignItems: "flex-end",
    gap: tokens.spacingHorizontalS,
  },
  sheetField: {
    flexGrow: 1,
    minWidth: "0",
  },
  sheetSelect: {
    minWidth: "0",
  },
  muted: {
    color: tokens.colorNeutralForeground3,
  },
});
