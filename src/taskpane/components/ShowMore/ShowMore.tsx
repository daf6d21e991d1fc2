import { Button } from "@fluentui/react-components";
import { useState } from "react";
import { plainNumber } from "../../lib/format";
import { useMessages } from "../../messages";

/**
 * Items a long list shows at first, and adds on each "Hiện thêm": a sheet of 12.000 rows
 * can have thousands of lagging rows, and a pane that draws them all freezes for seconds.
 */
export const LIST_STEP = 50;

/** How many items of a list are shown, and the way to show more. Reset by remounting (`key`). */
export function useShown(step = LIST_STEP): { shown: number; more(): void } {
  const [shown, setShown] = useState(step);
  return { shown, more: () => setShown((count) => count + step) };
}

/** "Hiện thêm 50 (còn 6.650)" under a list with items left; nothing when all are shown. */
export function ShowMore({ hidden, onMore }: { hidden: number; onMore(): void }) {
  const m = useMessages();
  if (hidden <= 0) return null;
  return (
    <Button size="small" onClick={onMore} data-testid="show-more">
      {m.list.more(plainNumber(Math.min(LIST_STEP, hidden)), plainNumber(hidden))}
    </Button>
  );
}
