import { describe, expect, it } from 'vitest';
import { tlsVerdict } from '@/src/background/check/tls-step';

const record = (error: string) => ({ host: 'lk.zakupki.gov.ru', error, at: 0 });
const env = (name: string, version: string, os: string, gostTls: boolean) => ({ browser: { name, version, userAgent: '', gostTls }, os: { os, arch: 'x86-64' } });

describe('the check on a GOST TLS host that did not open, with the rule pack', () => {
  it('a browser without GOST TLS: the rule that says so is named', () => {
    expect(tlsVerdict(record('ERR_SSL_VERSION_OR_CIPHER_MISMATCH'), env('chrome', '142.0.7444.59', 'win', false), false)).toMatchObject({ id: 'gost-tls-unsupported', severity: 'error', cause: { key: 'tls-no-gost-browser' }, rule: 'browser-no-gost-tls' });
  });

  it('Yandex Browser does GOST TLS on Windows only: elsewhere it is the browser, on Windows the CSP', () => {
    expect(tlsVerdict(record('ERR_SSL_VERSION_OR_CIPHER_MISMATCH'), env('yandex', '25.8.1.900', 'linux', true), false)).toMatchObject({ cause: { key: 'tls-no-gost-browser' }, rule: 'yandex-gost-tls-windows-only' });
    const windows = tlsVerdict(record('ERR_SSL_VERSION_OR_CIPHER_MISMATCH'), env('yandex', '25.8.1.900', 'win', true), false);
    expect(windows).toMatchObject({ cause: { key: 'tls-gost-unavailable' } });
    expect(windows?.rule).toBeUndefined();
  });

  it('a broken handshake in a Chromium-Gost without the TLS 1.2 fallback names that build', () => {
    expect(tlsVerdict(record('ERR_SSL_PROTOCOL_ERROR'), env('chromium-gost', '140.0.7339.80', 'win', true), false)).toMatchObject({ cause: { key: 'tls-handshake-broken' }, rule: 'chromium-gost-tls13-no-fallback' });
    expect(tlsVerdict(record('ERR_SSL_PROTOCOL_ERROR'), env('chromium-gost', '148.0.7778.254', 'win', true), false)?.rule).toBeUndefined();
  });

  it('an error that is no TLS matter gives no verdict', () => {
    expect(tlsVerdict(record('ERR_NAME_NOT_RESOLVED'), env('chrome', '142.0', 'win', false), false)).toBeNull();
  });
});
