import { RefObject, useCallback, useMemo, useRef, useState } from "react";
import {
  DEFAULT_TEMPLATES,
  loadTemplates,
  saveTemplates,
  TEMPLATE_FIELDS,
  TemplateError,
  TemplateId,
  validateTemplate,
} from "../../../core/draft/templates";
import type { StoredSettings } from "../../../core/host";
import type { Failure } from "../../lib/errors";
import type { Notify } from "../../hooks/notify";
import { useMessages } from "../../messages";
import { TEMPLATE_NAMES } from "../../messages/templateNames";

export interface TemplateEditorState {
  id: TemplateId;
  select(id: TemplateId): void;
  text: string;
  edit(text: string): void;
  fields: string[];
  /** Inserts `{field}` at the caret of the textarea. */
  insert(field: string): void;
  textareaRef: RefObject<HTMLTextAreaElement | null>;
  /** The core's Vietnamese TemplateError message, or null when the text is usable. */
  problem: string | null;
  changed: boolean;
  custom: boolean;
  loadErrors: string[];
  saving: boolean;
  save(): void;
  reset(): void;
  failure: Failure | null;
}

/** Step 5: edit one template at a time, validated as typed; saved ones go into the workbook. */
export function useTemplateEditor(
  settings: StoredSettings,
  saveSettings: (change: Partial<StoredSettings>) => Promise<void>,
  notify: Notify
): TemplateEditorState {
  const m = useMessages();
  const { templates, errors: loadErrors } = useMemo(
    () => loadTemplates(settings.templates),
    [settings.templates]
  );
  const [id, setId] = useState<TemplateId>("row.target");
  // Unsaved edits per template, so switching templates loses nothing.
  const [edits, setEdits] = useState<Partial<Record<TemplateId, string>>>({});
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const textareaRef = useRef<HTMLTextAreaElement | null>(null);
  const text = edits[id] ?? templates[id];

  const problem = useMemo(() => {
    try {
      validateTemplate(id, text);
      return null;
    } catch (error) {
      if (error instanceof TemplateError) return error.message;
      throw error;
    }
  }, [id, text]);

  const edit = useCallback((next: string) => setEdits((all) => ({ ...all, [id]: next })), [id]);

  const insert = useCallback(
    (field: string) => {
      const area = textareaRef.current;
      const token = `{${field}}`;
      const start = area ? area.selectionStart : text.length;
      const end = area ? area.selectionEnd : text.length;
      edit(text.slice(0, start) + token + text.slice(end));
      // After React has put the new text in, put the caret after the placeholder.
      requestAnimationFrame(() => {
        area?.focus();
        area?.setSelectionRange(start + token.length, start + token.length);
      });
    },
    [edit, text]
  );

  const store = useCallback(
    async (value: string, done: string) => {
      setSaving(true);
      setFailure(null);
      try {
        await saveSettings({ templates: saveTemplates({ ...templates, [id]: value }) });
        setEdits((all) => {
          const next = { ...all };
          delete next[id];
          return next;
        });
        notify("success", done);
      } catch (error) {
        setFailure({ stage: "save", error });
      } finally {
        setSaving(false);
      }
    },
    [id, notify, saveSettings, templates]
  );

  return {
    id,
    select: setId,
    text,
    edit,
    fields: [...new Set<string>(TEMPLATE_FIELDS[id])],
    insert,
    textareaRef,
    problem,
    changed: text !== templates[id],
    custom: templates[id] !== DEFAULT_TEMPLATES[id],
    loadErrors,
    saving,
    save: () => {
      if (problem === null) void store(text, m.templates.saved(TEMPLATE_NAMES[m.language][id]));
    },
    reset: () => {
      if (templates[id] !== DEFAULT_TEMPLATES[id])
        void store(DEFAULT_TEMPLATES[id], m.templates.resetDone(TEMPLATE_NAMES[m.language][id]));
      else edit(DEFAULT_TEMPLATES[id]);
    },
    failure,
  };
}
