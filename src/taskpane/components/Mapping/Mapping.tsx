import { Badge, Caption1, Field, Select } from "@fluentui/react-components";
import { ColumnRole, COLUMN_ROLES } from "../../../core/columns";
import type { ComputeOptions } from "../../../core/engine";
import { columnNumber } from "../../lib/columns";
import { useMessages } from "../../messages";
import type { ColumnChoice, DetectState } from "../Detect/useDetect";
import { useMappingStyles } from "./mapping.styles";

export interface MappingProps {
  /** The sheet rows the header was read from (1-based). */
  headerRows: number[];
  /** The engine's mapping after corrections: role → column letter. */
  columns: Partial<Record<ColumnRole, string>>;
  choices: ColumnChoice[];
  corrections: NonNullable<ComputeOptions["columns"]>;
  disabled: boolean;
  onCorrect: DetectState["correct"];
}

/** Each column role with the column found for it, and a list to correct it. */
export function Mapping({ headerRows, ...props }: MappingProps) {
  const m = useMessages();
  const styles = useMappingStyles();
  return (
    <section className={styles.root} aria-label={m.detect.mapping}>
      <Caption1 className={styles.hint}>
        {m.detect.mapping} · {m.detect.headerRows(headerRows.join(", "))}
      </Caption1>
      <Roles {...props} />
    </section>
  );
}

function Roles({
  columns,
  choices,
  corrections,
  disabled,
  onCorrect,
}: Omit<MappingProps, "headerRows">) {
  const m = useMessages();
  const styles = useMappingStyles();
  const label = (choice: ColumnChoice) => m.detect.column(choice.letter, choice.text);
  return (
    <div className={styles.root}>
      <Caption1 className={styles.hint}>{m.detect.mappingHint}</Caption1>
      {COLUMN_ROLES.map((role) => {
        const letter = columns[role];
        const col = letter === undefined ? null : columnNumber(letter);
        const current = choices.find((c) => c.col === col);
        return (
          <Field
            key={role}
            label={{
              children: (
                <>
                  {m.roles[role]}{" "}
                  {corrections[role] !== undefined && (
                    <Badge size="small" appearance="tint" color="informative">
                      {m.detect.corrected}
                    </Badge>
                  )}
                </>
              ),
            }}
            orientation="horizontal"
          >
            <Select
              className={styles.dropdown}
              size="small"
              disabled={disabled}
              value={col === null ? "" : String(col)}
              onChange={(_, data) => {
                const picked = Number(data.value);
                if (data.value !== "" && Number.isInteger(picked) && picked !== col)
                  onCorrect(role, picked);
              }}
            >
              {col === null && <option value="">{m.detect.notFound}</option>}
              {current === undefined && col !== null && (
                <option value={String(col)}>{letter}</option>
              )}
              {choices.map((choice) => (
                <option key={choice.col} value={String(choice.col)}>
                  {label(choice)}
                </option>
              ))}
            </Select>
          </Field>
        );
      })}
    </div>
  );
}
