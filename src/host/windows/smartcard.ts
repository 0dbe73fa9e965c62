import path from 'node:path';
import { runTool, type ToolRunner } from '../run-tool';
import { windowsDirs, type WindowsEnv } from './paths';

/**
 * The smart-card service and the token vendors' PKCS#11 drivers, read-only. Facts only: which of them
 * is a problem depends on the token, and SCardSvr is trigger-started on Windows 8 and later (it stops
 * when no reader is attached), so "stopped" alone is not a fault.
 */
export interface WindowsSmartCard {
  service: 'running' | 'stopped' | 'missing' | 'unknown';
  drivers: { rutoken: boolean; jacarta: boolean };
  /** What sc.exe said, for evidence. */
  detail: string;
}

/** Driver DLLs the vendors' installers put in System32. */
const DRIVERS = { rutoken: 'rtPKCS11ECP.dll', jacarta: 'jcPKCS11-2.dll' } as const;

// `STATE : 4  RUNNING` in English, `СОСТОЯНИЕ : 4  RUNNING` in Russian: the label is localized, the
// state's code and name are not, so the line is found by them.
const STATE = /:\s*(\d)\s+(STOPPED|START_PENDING|STOP_PENDING|RUNNING|CONTINUE_PENDING|PAUSE_PENDING|PAUSED)\b/;
const SERVICE_MISSING = 1060;

export function parseScQuery(text: string, code: number | null): Pick<WindowsSmartCard, 'service' | 'detail'> {
  const state = STATE.exec(text);
  if (state !== null) {
    const n = Number(state[1]);
    return { service: n === 4 ? 'running' : n === 1 || n === 3 ? 'stopped' : 'unknown', detail: `SCardSvr ${state[2]}` };
  }
  if (code === SERVICE_MISSING || /\[SC\][^\n]*\b1060\b/.test(text)) return { service: 'missing', detail: 'SCardSvr is not installed (error 1060)' };
  return { service: 'unknown', detail: (text.trim().split(/\r?\n/)[0] ?? '').slice(0, 200) || `sc.exe exit code ${code ?? 'none'}` };
}

export async function windowsSmartCard(opts: { run?: ToolRunner; env: WindowsEnv; exists: (file: string) => boolean }): Promise<WindowsSmartCard> {
  const run = opts.run ?? runTool;
  const { system32 } = windowsDirs(opts.env);
  const out = await run(path.win32.join(system32, 'sc.exe'), ['query', 'SCardSvr']);
  const service = out.timedOut ? { service: 'unknown' as const, detail: 'sc.exe did not answer in time' } : parseScQuery(out.text, out.code);
  return {
    ...service,
    drivers: { rutoken: opts.exists(path.win32.join(system32, DRIVERS.rutoken)), jacarta: opts.exists(path.win32.join(system32, DRIVERS.jacarta)) },
  };
}
