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
  // The figure columns' headers wrap ("Ghi trong / bảng"): in Fluent's fixed table layout
  // each takes a quarter of a 320 px pane, less than the words need on one line.
  figureHeader: {
    width: "72px",
    "& .fui-TableHeaderCell__button": {
      whiteSpace: "normal",
      textAlign: "end",
      justifyContent: "flex-end",
    },
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
