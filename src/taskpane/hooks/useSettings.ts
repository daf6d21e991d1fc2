import { useCallback, useEffect, useRef, useState } from "react";
import type { StoredSettings, WorkbookHost } from "../../core/host";

export interface SettingsState {
  settings: StoredSettings;
  /** False until the workbook's settings were read (or failed to be). */
  loaded: boolean;
  loadError: unknown;
  /** Merges a change into the settings and stores them in the workbook; rejects when the host fails. */
  save(change: Partial<StoredSettings>): Promise<void>;
}

/** The settings the workbook keeps, read once at start. */
export function useSettings(host: WorkbookHost): SettingsState {
  const [settings, setSettings] = useState<StoredSettings>({});
  const [loaded, setLoaded] = useState(false);
  const [loadError, setLoadError] = useState<unknown>(null);
  // Saves merge into the latest settings, not into those of the render that started them.
  const latest = useRef<StoredSettings>({});

  useEffect(() => {
    let live = true;
    host
      .loadSettings()
      .then((stored) => {
        if (!live) return;
        latest.current = stored;
        setSettings(stored);
      })
      .catch((error: unknown) => {
        if (live) setLoadError(error);
      })
      .finally(() => {
        if (live) setLoaded(true);
      });
    return () => {
      live = false;
    };
  }, [host]);

  const save = useCallback(
    async (change: Partial<StoredSettings>) => {
      const next = { ...latest.current, ...change };
      latest.current = next;
      setSettings(next);
      await host.saveSettings(next);
    },
    [host]
  );

  return { settings, loaded, loadError, save };
}
