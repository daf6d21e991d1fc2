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
  only: {
    display: "flex",
    alignItems: "flex-start",
    gap: tokens.spacingHorizontalS,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    color: tokens.colorNeutralForeground2,
    cursor: "pointer",
    "& input": { marginTop: "3px", accentColor: tokens.colorBrandBackground },
  },
  fix: {
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalS,
  },
  fixSummary: {
    cursor: "pointer",
    fontWeight: tokens.fontWeightSemibold,
    paddingBlock: tokens.spacingVerticalXS,
    ":focus-visible": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      borderRadius: tokens.borderRadiusMedium,
    },
  },
  fixBody: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    paddingTop: tokens.spacingVerticalS,
  },
  status: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  busy: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
  },
  undo: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
    "& > :first-child:not(button)": { flexBasis: "100%" },
  },
  hint: {
    flex: "1 1 150px",
    color: tokens.colorNeutralForeground3,
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
