import type { RowStatus } from "../statuses";

/**
 * The statuses in Vietnamese, apart from the rest of the catalog (`vi.ts` includes them):
 * the pane's first screen names statuses and nothing else of it.
 */
export const status: Record<RowStatus, string> = {
  achieved: "Đã đạt/vượt",
  on_track: "Đúng tiến độ",
  at_risk: "Có nguy cơ không đạt",
  off_track: "Chậm tiến độ",
  no_data: "Thiếu số liệu",
  qualitative: "Định tính",
};

export const likelyMissed = "khả năng không đạt";
