import { Field, SpinButton, SpinButtonOnChangeData } from "@fluentui/react-components";
import { decimalsOf, formatNumber } from "../../../core/numbers";
import { useMessages } from "../../messages";
import type { ProgressOptions } from "../ProgressPanel/useProgressOptions";
import { usePeriodOptionsStyles } from "./periodOptions.styles";

export interface PeriodOptionsProps {
  months: number;
  /** Where the default came from: the headers, or a guess of 6 months. */
  monthsSource: "header" | "default" | "option";
  tolerance: number;
  disabled: boolean;
  onMonths: ProgressOptions["setMonths"];
  onTolerance: ProgressOptions["setTolerance"];
}

/** Step 2: the reporting period (1–12 months) and the at-risk band (points). */
export function PeriodOptions(props: PeriodOptionsProps) {
  const m = useMessages();
  const styles = usePeriodOptionsStyles();
  const hint =
    props.monthsSource === "default" ? m.period.monthsDefault : m.period.monthsHint(props.months);
  return (
    <div className={styles.root}>
      <Field
        label={m.period.months}
        hint={props.monthsSource === "option" ? undefined : hint}
        validationState={props.monthsSource === "default" ? "warning" : "none"}
      >
        <SpinButton
          className={styles.spin}
          min={1}
          max={12}
          value={props.months}
          disabled={props.disabled}
          onChange={(_, data) => {
            const value = spinValue(data, 1, 12);
            if (value !== null) props.onMonths(Math.round(value));
          }}
        />
      </Field>
      <Field label={m.period.tolerance} hint={m.period.toleranceHint}>
        <SpinButton
          className={styles.spin}
          min={0}
          max={100}
          value={props.tolerance}
          displayValue={formatNumber(props.tolerance, decimalsOf(props.tolerance))}
          disabled={props.disabled}
          onChange={(_, data) => {
            const value = spinValue(data, 0, 100);
            if (value !== null) props.onTolerance(value);
          }}
        />
      </Field>
    </div>
  );
}

/** The number a SpinButton change carries: from the arrows, or typed (`7,5` as well as `7.5`). */
function spinValue(data: SpinButtonOnChangeData, min: number, max: number): number | null {
  const typed = (data.displayValue ?? "").trim().replace(",", ".");
  if ((data.value === undefined || data.value === null) && typed === "") return null;
  const raw = data.value !== undefined && data.value !== null ? data.value : Number(typed);
  if (!Number.isFinite(raw)) return null;
  return Math.min(max, Math.max(min, raw));
}
