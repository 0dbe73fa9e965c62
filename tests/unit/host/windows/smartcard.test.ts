import { describe, expect, it } from 'vitest';
import type { ToolOutput } from '@/src/host/run-tool';
import { parseScQuery, windowsSmartCard } from '@/src/host/windows/smartcard';
import { fakeRunner, output, SC, text, TIMED_OUT } from './fake';

const QUERY = `${SC} query SCardSvr`;

async function smartCard(out: ToolOutput, files: string[] = []) {
  const fake = fakeRunner({ [QUERY]: out });
  const result = await windowsSmartCard({ run: fake.run, env: { SystemRoot: 'C:\\Windows' }, exists: (f) => files.includes(f) });
  expect(fake.calls).toEqual([QUERY]);
  return result;
}

describe('smart-card service and token drivers on Windows', () => {
  it('running (English) and stopped (Russian, cp866: «Состояние»)', async () => {
    expect(await smartCard(output('sc-query-scardsvr-running-en.txt'))).toEqual({ service: 'running', detail: 'SCardSvr RUNNING', drivers: { rutoken: false, jacarta: false } });
    expect((await smartCard(output('sc-query-scardsvr-stopped-ru.txt'))).service).toBe('stopped');
    expect(output('sc-query-scardsvr-stopped-ru.txt').text).toContain('Состояние');
  });

  it('error 1060 is a missing service, by exit code or by text, in both languages', async () => {
    expect((await smartCard(output('sc-query-scardsvr-missing-en.txt', 1060))).service).toBe('missing');
    expect((await smartCard(output('sc-query-scardsvr-missing-ru.txt', 1060))).service).toBe('missing');
    expect(parseScQuery(output('sc-query-scardsvr-missing-ru.txt').text, null).service).toBe('missing');
  });

  it('anything else is unknown, not a guess', async () => {
    expect(await smartCard(TIMED_OUT)).toMatchObject({ service: 'unknown', detail: 'sc.exe did not answer in time' });
    expect(await smartCard(text('[SC] OpenSCManager FAILED 5:\r\n\r\nAccess is denied.\r\n', 5))).toMatchObject({ service: 'unknown', detail: '[SC] OpenSCManager FAILED 5:' });
    expect(parseScQuery('        STATE              : 2  START_PENDING', 0).service).toBe('unknown');
    expect(parseScQuery('        STATE              : 3  STOP_PENDING', 0).service).toBe('stopped');
    // Wine 8's sc.exe has no `query`: it prints nothing and exits with 1.
    expect(await smartCard(output('wine/sc-query-scardsvr.txt', 1))).toMatchObject({ service: 'unknown', detail: 'sc.exe exit code 1' });
  });

  it('Rutoken and JaCarta drivers are looked for in System32', async () => {
    expect((await smartCard(output('sc-query-scardsvr-running-en.txt'), ['C:\\Windows\\System32\\rtPKCS11ECP.dll'])).drivers).toEqual({ rutoken: true, jacarta: false });
    expect((await smartCard(output('sc-query-scardsvr-running-en.txt'), ['C:\\Windows\\System32\\jcPKCS11-2.dll'])).drivers).toEqual({ rutoken: false, jacarta: true });
  });
});
