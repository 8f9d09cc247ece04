/**
 * Loads something for a page and re-loads it when its inputs change; an answer that arrives
 * after the inputs changed again is dropped, so a slow old request never overwrites a new one.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { messageOf } from './api.js';

export interface Loaded<T> {
  readonly data: T | undefined;
  readonly error: string | undefined;
  readonly loading: boolean;
  reload(): void;
}

export function useLoad<T>(load: () => Promise<T>, inputs: readonly unknown[]): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: string; loading: boolean }>({ loading: true });
  const generation = useRef(0);
  // The caller names the inputs, as with useEffect; `load` itself is a new closure every render.
  const run = useCallback(load, inputs);
  const start = useCallback(() => {
    const mine = ++generation.current;
    setState((s) => ({ ...s, loading: true }));
    run().then(
      (data) => mine === generation.current && setState({ data, loading: false }),
      (e: unknown) => mine === generation.current && setState({ error: messageOf(e), loading: false }),
    );
  }, [run]);
  useEffect(start, [start]);
  return { data: state.data, error: state.error, loading: state.loading, reload: start };
}
