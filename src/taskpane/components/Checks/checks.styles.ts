import { makeStyles, tokens } from "@fluentui/react-components";

export const useChecksStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  // Widths include the cells' padding: the name column takes what is left.
  // The address as a link-like button that fits the narrow first column.
  cellButton: {
    minWidth: "0",
    height: "auto",
    padding: "0",
    fontWeight: tokens.fontWeightRegular,
    textDecorationLine: "underline",
  },
  cell: {
    boxSizing: "border-box",
    width: "40px",
  },
  // Figures wrap between the number and its unit ("2.640 / tỷ đồng"), never inside the
  // number, so that the name keeps a readable column in a 320 px pane.
  figure: {
    textAlign: "end",
  },
  // Their headers wrap too ("Ghi trong / bảng"): in Fluent's fixed table layout they would
  // otherwise run past the pane's edge.
  figureHeader: {
    boxSizing: "border-box",
    width: "68px",
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
