import { useState } from "react";
import type { StoredSettings } from "../../../core/host";
import type { DetectState } from "../Detect/useDetect";

export interface ProgressOptions {
  months: number;
  monthsSource: "header" | "default" | "option";
  /** The months the user picked, else undefined so the engine reads them from the headers. */
  chosenMonths: number | undefined;
  setMonths(months: number): void;
  tolerance: number;
  toleranceChanged: boolean;
  setTolerance(points: number): void;
}

const DEFAULT_TOLERANCE = 10;

/** Step 2's values: the period defaults to what the sheet's headers say, per sheet. */
export function useProgressOptions(detect: DetectState, settings: StoredSettings): ProgressOptions {
  const [choice, setChoice] = useState<{ sheet: string | null; months: number } | null>(null);
  const [tolerance, setTolerance] = useState<number | null>(null);
  const analysis = detect.analysis;
  const months = analysis && analysis.ok ? analysis.detection.months : null;
  const period = months === null ? null : { months, source: "header" as const };
  const chosen = choice !== null && choice.sheet === detect.sheet ? choice.months : undefined;
  const stored = settings.tolerance ?? DEFAULT_TOLERANCE;
  return {
    months: chosen ?? period?.months ?? 6,
    monthsSource: chosen !== undefined ? "option" : (period?.source ?? "default"),
    chosenMonths: chosen,
    setMonths: (months) => setChoice({ sheet: detect.sheet, months }),
    tolerance: tolerance ?? stored,
    toleranceChanged: tolerance !== null && tolerance !== stored,
    setTolerance,
  };
}
