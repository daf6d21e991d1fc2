import { useEffect, useState } from "react";

export type Engine = typeof import("../lib/engine");

let loading: Promise<Engine> | undefined;

/** The engine, loaded once; a failed load is tried again on the next call. */
export function loadEngine(): Promise<Engine> {
  loading ??= import(/* webpackChunkName: "later" */ "../lib/engine").catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

/** The engine once it has loaded, null before; asks for it on mount. */
export function useEngine(): Engine | null {
  const [engine, setEngine] = useState<Engine | null>(null);
  useEffect(() => {
    let live = true;
    // A failure shows where the engine is awaited (reading a sheet, computing), not here.
    loadEngine().then(
      (loaded) => live && setEngine(() => loaded),
      () => undefined
    );
    return () => {
      live = false;
    };
  }, []);
  return engine;
}
