import { makeStyles, tokens } from "@fluentui/react-components";

export const usePeriodOptionsStyles = makeStyles({
  root: {
    display: "grid",
    gridTemplateColumns: "1fr 1fr",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
  },
  spin: {
    width: "100%",
  },
});
