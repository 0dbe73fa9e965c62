import { describe, expect, it } from 'vitest';
import { netErrorName, tlsFailure, type TlsFailureInput } from '@/src/core/tls-failure';

const chrome = { name: 'chrome', version: '131.0.6778.86', gostTls: false };
const gost = { name: 'chromium-gost', version: '148.0.7778.254', gostTls: true };
const input = (error: string, over: Partial<TlsFailureInput> = {}): TlsFailureInput => ({ error, host: 'lk.zakupki.gov.ru', clientCertificate: false, browser: chrome, os: 'windows', ...over });
const cause = (i: TlsFailureInput) => tlsFailure(i)?.cause?.key ?? null;

describe('why a GOST TLS host did not open', () => {
  it.each([
    ['net::ERR_SSL_VERSION_OR_CIPHER_MISMATCH', {}, 'tls-no-gost-browser'],
    ['net::ERR_SSL_VERSION_OR_CIPHER_MISMATCH', { browser: gost }, 'tls-gost-unavailable'],
    ['net::ERR_CERT_AUTHORITY_INVALID', { browser: gost, os: 'linux' }, 'tls-root-missing'],
    ['net::ERR_BAD_SSL_CLIENT_AUTH_CERT', { browser: gost, clientCertificate: true }, 'tls-client-cert-rejected'],
    ['net::ERR_SSL_CLIENT_AUTH_CERT_NEEDED', { browser: gost, clientCertificate: true }, 'tls-no-client-cert'],
    ['net::ERR_CONNECTION_CLOSED', { browser: gost, clientCertificate: true }, 'tls-no-client-cert'],
    ['net::ERR_CONNECTION_CLOSED', { browser: gost }, 'tls-handshake-broken'],
    ['net::ERR_SSL_PROTOCOL_ERROR', { browser: gost }, 'tls-handshake-broken'],
    // Not a TLS matter, or nothing the browser's error can tell: no verdict.
    ['net::ERR_SSL_PROTOCOL_ERROR', {}, null],
    ['net::ERR_NAME_NOT_RESOLVED', { browser: gost }, null],
    ['net::ERR_TIMED_OUT', {}, null],
    ['<b>ERR_SSL_VERSION_OR_CIPHER_MISMATCH</b>', {}, null],
  ] as const)('%s %j → %s', (error, over, expected) => {
    expect(cause(input(error, over as Partial<TlsFailureInput>))).toBe(expected);
  });

  it('names where the root must go: CryptoPro\'s own store for Chromium-Gost on Linux and macOS', () => {
    expect(tlsFailure(input('net::ERR_CERT_AUTHORITY_INVALID', { browser: gost, os: 'macos' }))!.evidence).toContain('certmgr -install -store uRoot');
    expect(tlsFailure(input('net::ERR_CERT_AUTHORITY_INVALID', { browser: gost, os: 'windows' }))!.evidence).toContain('the trusted root store');
  });

  it('is always gost-tls-unsupported, with the host and the error for the popup\'s words', () => {
    expect(tlsFailure(input('net::ERR_SSL_VERSION_OR_CIPHER_MISMATCH'))).toMatchObject({ id: 'gost-tls-unsupported', cause: { params: { host: 'lk.zakupki.gov.ru', error: 'ERR_SSL_VERSION_OR_CIPHER_MISMATCH' } } });
    expect(netErrorName('ERR_FAILED')).toBe('ERR_FAILED');
    expect(netErrorName('net::ERR_' + 'A'.repeat(200))).toBeNull();
  });
});
