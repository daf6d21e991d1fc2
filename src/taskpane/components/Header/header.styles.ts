import { makeStyles, tokens } from "@fluentui/react-components";

export const useHeaderStyles = makeStyles({
  root: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalM,
  },
  titles: {
    display: "flex",
    flexDirection: "column",
    minWidth: "0",
  },
  muted: {
    color: tokens.colorNeutralForeground3,
  },
});
