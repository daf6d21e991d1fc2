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
  sheetDropdown: {
    minWidth: "0",
    width: "100%",
  },
  muted: {
    color: tokens.colorNeutralForeground3,
  },
});
