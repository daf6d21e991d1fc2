import { makeStyles, tokens } from "@fluentui/react-components";

export const useResultsStyles = makeStyles({
  sheet: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
  },
  sheetTitle: {
    margin: "0",
  },
  divider: {
    flexGrow: 0,
  },
});
