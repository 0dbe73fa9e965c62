import { useEffect, useState } from 'preact/hooks';
import type { ComponentProps } from 'preact';
import type { ExpiryList } from './ExpiryList';

type List = typeof ExpiryList;
let loading: Promise<List> | undefined;

/** The expiry list is a chunk of its own, shown with the full pack: the first paint never waits for it. */
export function LazyExpiryList(props: ComponentProps<List>) {
  const [List, setList] = useState<List | null>(null);
  useEffect(() => {
    let live = true;
    loading ??= import('./ExpiryList').then((m) => m.ExpiryList);
    void loading.then((loaded) => {
      if (live) setList(() => loaded);
    });
    return () => {
      live = false;
    };
  }, []);
  return List === null ? null : <List {...props} />;
}
