import { browser } from 'wxt/browser';
import type { CheckFacts } from '../../core/check-result';
import { SIGNING_NATIVE_HOSTS } from '../../plugin/extension-ids';
import { nativeHostState } from '../../plugin/native-host-state';
import { disconnectReason } from '../native-port-error';

const HOST_MS = 1500;

/**
 * Asks the browser about each signing native host with connectNative: none of them lists our id, so
 * the browser refuses at once, and how it refuses tells whether the host is registered. No host
 * process starts; the port is always closed.
 */
function discoverHost(name: string): Promise<CheckFacts['nativeHosts'][number]> {
  return new Promise((resolve) => {
    let port: ReturnType<typeof browser.runtime.connectNative>;
    const done = (state: ReturnType<typeof nativeHostState>, detail: string): void => {
      clearTimeout(timer);
      try {
        port?.disconnect();
      } catch {
        // already closed
      }
      resolve({ name, state, detail: detail.slice(0, 200) });
    };
    const timer = setTimeout(() => done('installed', 'the host started and answered nothing'), HOST_MS);
    try {
      port = browser.runtime.connectNative(name);
    } catch (error) {
      done(nativeHostState((error as Error).message), (error as Error).message);
      return;
    }
    port.onDisconnect.addListener((closed) => {
      const message = disconnectReason(closed, browser.runtime.lastError);
      done(nativeHostState(message), message);
    });
  });
}

export function discoverNativeHosts(): Promise<CheckFacts['nativeHosts']> {
  return Promise.all(SIGNING_NATIVE_HOSTS.map(discoverHost));
}
