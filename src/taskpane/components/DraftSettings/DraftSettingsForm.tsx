import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Field,
  Input,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import { documentDate } from "../../../core/draft/settings";
import type { StoredSettings } from "../../../core/host";
import { useMessages } from "../../messages";

const useStyles = makeStyles({
  fields: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

/** The document's details a workbook cannot know: issuing body, deadline, signer. */
export const DRAFT_FIELDS = [
  "issuingBody",
  "compilingAgency",
  "place",
  "deadline",
  "signerName",
  "archiveUnit",
] as const;
type DraftField = (typeof DRAFT_FIELDS)[number];

export interface DraftSettingsFormProps {
  settings: StoredSettings;
  save(change: Partial<StoredSettings>): Promise<void>;
}

/**
 * Editable details of the draft; what is left blank keeps the default read from the
 * workbook's title block. Saved in the workbook on leaving a field.
 */
export function DraftSettingsForm({ settings, save }: DraftSettingsFormProps) {
  const m = useMessages();
  const styles = useStyles();
  const [values, setValues] = useState<Record<string, string>>(settings.draft ?? {});
  /** A deadline must be a day of the calendar, written day/month/year. */
  const invalid = (field: DraftField): boolean =>
    field === "deadline" &&
    (values.deadline ?? "").trim() !== "" &&
    documentDate(values.deadline) === null;
  const commit = (field: DraftField) => {
    if (invalid(field)) return;
    if ((settings.draft ?? {})[field] === values[field]) return;
    void save({ draft: { ...(settings.draft ?? {}), [field]: values[field] ?? "" } });
  };
  return (
    <Accordion collapsible>
      <AccordionItem value="details">
        <AccordionHeader>{m.draftSettings.title}</AccordionHeader>
        <AccordionPanel className={styles.fields}>
          {DRAFT_FIELDS.map((field) => (
            <Field
              key={field}
              label={m.draftSettings.fields[field]}
              hint={field === "deadline" ? m.draftSettings.deadlineHint : undefined}
              validationState={invalid(field) ? "error" : "none"}
              validationMessage={invalid(field) ? m.draftSettings.badDate : undefined}
            >
              <Input
                value={values[field] ?? ""}
                placeholder={m.draftSettings.fromWorkbook}
                onChange={(_, data) =>
                  setValues((current) => ({ ...current, [field]: data.value }))
                }
                onBlur={() => commit(field)}
              />
            </Field>
          ))}
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
