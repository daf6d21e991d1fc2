import { makeStyles } from "@fluentui/react-components";

export const useResultsStyles = makeStyles({
  divider: {
    flexGrow: 0,
  },
});
