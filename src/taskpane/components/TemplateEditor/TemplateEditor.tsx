import {
  Badge,
  Button,
  Caption1,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Textarea,
} from "@fluentui/react-components";
import { useDeferredValue, useEffect, useMemo, useRef, useState } from "react";
import { templatePreview } from "../../../core/draft";
import type { WorkbookReport } from "../../../core/job";
import { typedDraftSettings } from "../Draft/useDraft";
import { isTemplateId, TEMPLATE_FIELDS, TemplateId } from "../../../core/draft/templates";
import type { StoredSettings } from "../../../core/host";
import type { Notify } from "../../hooks/notify";
import type { SettingsState } from "../../hooks/useSettings";
import { useMessages } from "../../messages";
import { TEMPLATE_NAMES } from "../../messages/templateNames";
import { ErrorBar } from "../ErrorBar/ErrorBar";
import { useTemplateEditorStyles } from "./templateEditor.styles";
import { useTemplateEditor } from "./useTemplateEditor";

const IDS = Object.keys(TEMPLATE_FIELDS) as TemplateId[];
const GROUPS = ["plan", "row", "letter"] as const;

export interface TemplateEditorProps {
  /** The figures last computed, to preview a template with; null before a compute. */
  report: WorkbookReport | null;
  settings: StoredSettings;
  saveSettings: SettingsState["save"];
  notify: Notify;
}

/** Edits the draft's wording, one template at a time, with its placeholders a click away. */
export function TemplateEditor({ report, settings, saveSettings, notify }: TemplateEditorProps) {
  const m = useMessages();
  const styles = useTemplateEditorStyles();
  const editor = useTemplateEditor(settings, saveSettings, notify);
  const [confirming, setConfirming] = useState(false);
  // A confirmation is for the template it was asked about.
  useEffect(() => setConfirming(false), [editor.id]);
  // Asking disables "Khôi phục mẫu gốc": focus goes to the question's safe answer, and
  // back to the button (or, once the wording is restored, to the text) when it is answered.
  const cancelRef = useRef<HTMLButtonElement>(null);
  const resetRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) cancelRef.current?.focus();
  }, [confirming]);
  const answer = (restore: boolean): void => {
    setConfirming(false);
    if (restore) editor.reset();
    // After the render that ends the question (and, on restore, disables the button).
    setTimeout(() => {
      const button = resetRef.current;
      (button && !button.disabled ? button : editor.textareaRef.current)?.focus();
    });
  };
  return (
    <div className={styles.root}>
      <Caption1 className={styles.muted}>{m.templates.hint}</Caption1>
      {editor.loadErrors.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{m.templates.loadProblems}</MessageBarTitle>{" "}
            {editor.loadErrors.join(" ")}
          </MessageBarBody>
        </MessageBar>
      )}
      <Field label={m.templates.pick}>
        <Select
          className={styles.dropdown}
          value={editor.id}
          onChange={(_, data) => {
            if (isTemplateId(data.value)) editor.select(data.value);
          }}
        >
          {GROUPS.map((group) => (
            <optgroup key={group} label={m.templates.groups[group]}>
              {IDS.filter((id) => id.startsWith(`${group}.`)).map((id) => (
                <option key={id} value={id}>
                  {TEMPLATE_NAMES[m.language][id]}
                </option>
              ))}
            </optgroup>
          ))}
        </Select>
      </Field>
      <div className={styles.badges} aria-live="polite">
        {editor.changed && (
          <Badge appearance="tint" color="warning">
            {m.templates.changed}
          </Badge>
        )}
        {editor.custom && (
          <Badge appearance="tint" color="informative">
            {m.templates.custom}
          </Badge>
        )}
      </div>
      <Field
        label={m.templates.text}
        validationState={editor.problem === null ? "none" : "error"}
        validationMessage={editor.problem === null ? undefined : m.templates.invalid}
      >
        <Textarea
          ref={editor.textareaRef}
          value={editor.text}
          resize="vertical"
          rows={5}
          onChange={(_, data) => editor.edit(data.value)}
        />
      </Field>
      {editor.problem === null && (
        <Preview report={report} settings={settings} id={editor.id} text={editor.text} />
      )}
      {editor.problem !== null && (
        <MessageBar intent="error" layout="multiline" aria-live="polite">
          <MessageBarBody>
            <MessageBarTitle>{m.templates.invalid}</MessageBarTitle> {editor.problem}
          </MessageBarBody>
        </MessageBar>
      )}
      <div role="group" aria-label={m.templates.fields}>
        <Caption1 className={styles.muted}>{m.templates.fields}</Caption1>
        <div className={styles.fields}>
          {editor.fields.map((field) => (
            <Button
              key={field}
              size="small"
              appearance="outline"
              aria-label={m.templates.insert(field)}
              onClick={() => editor.insert(field)}
            >
              {`{${field}}`}
            </Button>
          ))}
        </div>
      </div>
      <div className={styles.actions}>
        <Button
          appearance="primary"
          disabled={editor.problem !== null || !editor.changed || editor.saving}
          onClick={editor.save}
        >
          {m.templates.save}
        </Button>
        <Button
          ref={resetRef}
          disabled={!(editor.custom || editor.changed) || editor.saving || confirming}
          onClick={() => setConfirming(true)}
        >
          {m.templates.reset}
        </Button>
      </div>
      {confirming && (
        // Restoring loses the official's wording: it is asked once more, in words.
        <MessageBar intent="warning" layout="multiline" role="alertdialog">
          <MessageBarBody>
            {m.templates.confirmReset(TEMPLATE_NAMES[m.language][editor.id])}
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" appearance="primary" onClick={() => answer(true)}>
              {m.templates.confirm}
            </Button>
            <Button size="small" ref={cancelRef} onClick={() => answer(false)}>
              {m.templates.cancel}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {editor.failure && <ErrorBar failure={editor.failure} />}
    </div>
  );
}

/** Rows of each sheet a preview drafts from: enough to show a template, quick on any sheet. */
const PREVIEW_ROWS = 300;

/**
 * What the template being typed writes with the figures just computed, a few lines of the
 * document, under the editor. Drafted from the first rows of each sheet, a step behind the
 * typing (a deferred value), so a large workbook never slows the keyboard.
 */
function Preview({
  report,
  settings,
  id,
  text,
}: {
  report: WorkbookReport | null;
  settings: StoredSettings;
  id: TemplateId;
  text: string;
}) {
  const m = useMessages();
  const styles = useTemplateEditorStyles();
  // The template and its text are deferred together: a new template is never drafted with
  // the text of the one before it.
  const typed = useDeferredValue(useMemo(() => ({ id, text }), [id, text]));
  const sample = useMemo(
    () =>
      report && {
        ...report,
        sheets: report.sheets.map((sheet) => ({
          ...sheet,
          rows: sheet.rows.slice(0, PREVIEW_ROWS),
        })),
      },
    [report]
  );
  const lines = useMemo(
    () =>
      sample &&
      templatePreview(
        sample,
        { templates: settings.templates, settings: typedDraftSettings(settings.draft) },
        typed.id,
        typed.text
      ),
    [sample, settings.templates, settings.draft, typed]
  );
  return (
    <section
      className={styles.preview}
      aria-label={m.templates.preview}
      data-testid="template-preview"
    >
      <Caption1 className={styles.muted}>{m.templates.preview}</Caption1>
      {lines === null ? (
        <Caption1>{m.templates.previewNeedsCompute}</Caption1>
      ) : lines.length === 0 ? (
        <Caption1>{m.templates.previewUnused}</Caption1>
      ) : (
        lines.map((line, i) => (
          <p key={i} className={styles.previewLine}>
            {line}
          </p>
        ))
      )}
    </section>
  );
}
