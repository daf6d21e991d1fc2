import { makeStyles, tokens } from "@fluentui/react-components";

export const useMappingStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  hint: {
    color: tokens.colorNeutralForeground3,
  },
  dropdown: {
    minWidth: "0",
    width: "100%",
  },
  missing: {
    color: tokens.colorNeutralForeground3,
    fontStyle: "italic",
  },
});
