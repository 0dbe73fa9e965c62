import type { CheckFacts, CheckProblem } from '../core/check-result';
import { GOSPLUGIN } from './extension-ids';
import { problem } from './interpret';

/**
 * Госплагин on a Госуслуги / ЕСИА check: the extension (seen only with the optional `management`
 * permission) and its application (a native host, seen by connectNative's answer). Only what is proven
 * is said: without `management` nothing is claimed about the extension, and the application is called
 * missing only when the extension is there and the browser says every host name of it is unregistered.
 * On macOS the extension reaches its application over a local WebSocket (ws://localhost:9001), not
 * native messaging: unregistered hosts say nothing there.
 */
export function gospluginProblems(facts: { hosts: CheckFacts['nativeHosts']; extensions: CheckFacts['extensions']; os: string }): CheckProblem[] {
  const extension = facts.extensions?.find((e) => e.id === GOSPLUGIN.chromeExtension) ?? null;
  if (facts.extensions !== null && (extension === null || !extension.enabled)) {
    return [problem('gosplugin-extension-missing', 'discovery', extension === null ? 'the Госплагин extension (jabjbhgjaidecageckilhonbggakppme) is not installed' : `the Госплагин extension ${extension.version} is disabled`)];
  }
  const hosts = facts.hosts.filter((h) => (GOSPLUGIN.hosts as readonly string[]).includes(h.name));
  const allMissing = hosts.length === GOSPLUGIN.hosts.length && hosts.every((h) => h.state === 'missing');
  if (extension !== null && allMissing && facts.os !== 'mac') {
    return [problem('gosplugin-app-missing', 'discovery', `the Госплагин extension ${extension.version} is there, its application is not: no native host ${GOSPLUGIN.hosts.join(', ')}`)];
  }
  return [];
}
