import { makeStyles, tokens } from "@fluentui/react-components";

export const useChecksStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  cell: {
    width: "44px",
  },
  figure: {
    textAlign: "end",
    whiteSpace: "nowrap",
  },
  list: {
    margin: "0",
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  muted: {
    color: tokens.colorNeutralForeground3,
  },
});
