import { useEffect, useState } from 'preact/hooks';
import type { ComponentProps } from 'preact';
import type { ReportPanel } from './ReportPanel';

type Panel = typeof ReportPanel;

let loading: Promise<Panel> | undefined;

/**
 * The report panel's code (report builder, redaction, encoding) is a chunk of its own: the first paint
 * never waits for it. App asks for it once the result is painted, so it is usually there before the
 * full hint pack the panel also needs.
 */
export function loadReportPanel(): Promise<Panel> {
  loading ??= import('./ReportPanel').then((m) => m.ReportPanel);
  return loading;
}

/** ReportPanel once its chunk has loaded; nothing until then. */
export function LazyReportPanel(props: ComponentProps<Panel>) {
  const [Panel, setPanel] = useState<Panel | null>(null);
  useEffect(() => {
    let live = true;
    void loadReportPanel().then((loaded) => {
      if (live) setPanel(() => loaded);
    });
    return () => {
      live = false;
    };
  }, []);
  return Panel === null ? null : <Panel {...props} />;
}
