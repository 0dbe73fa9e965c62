import type { ComponentType, JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * A section whose code is a chunk of its own, loaded when it is first rendered (after the first paint):
 * nothing until then. The chunk is asked for once.
 */
export function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>): (props: P) => JSX.Element | null {
  let loading: Promise<ComponentType<P>> | undefined;
  return function Lazy(props: P) {
    const [Loaded, setLoaded] = useState<ComponentType<P> | null>(null);
    useEffect(() => {
      let live = true;
      loading ??= load();
      void loading.then((component) => {
        if (live) setLoaded(() => component);
      });
      return () => {
        live = false;
      };
    }, []);
    return Loaded === null ? null : <Loaded {...props} />;
  };
}
