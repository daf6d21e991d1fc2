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
  // The preview reads as the document does: Times New Roman, on a page-like ground.
  preview: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  previewLine: {
    margin: "0",
    fontFamily: "'Times New Roman', Times, serif",
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    textAlign: "justify",
  },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
  },
});
