import { makeStyles, tokens } from "@fluentui/react-components";

export const useTemplateEditorStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
  },
  muted: {
    color: tokens.colorNeutralForeground3,
  },
  dropdown: {
    minWidth: "0",
    width: "100%",
  },
  badges: {
    display: "flex",
    gap: tokens.spacingHorizontalXS,
  },
  fields: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalXS,
    rowGap: tokens.spacingVerticalXS,
  },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
  },
});
