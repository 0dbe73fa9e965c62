import type { browser } from 'wxt/browser';

type Port = ReturnType<typeof browser.runtime.connectNative>;

/**
 * Why a native-messaging port closed: Firefox puts the reason on the port itself (`port.error`;
 * runtime.lastError stays empty there), Chromium on runtime.lastError. Empty when neither says.
 */
export function disconnectReason(port: Port, lastError: { message?: string } | undefined): string {
  return (port as Port & { error?: { message?: string } | null }).error?.message ?? lastError?.message ?? '';
}
