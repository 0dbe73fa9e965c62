/**
 * Watches the window for plug-in replies (`{tabid, data: {requestid, type}}`) while the probe runs. The
 * CryptoPro content script answers every request exactly once, from one tabid per page load, so a
 * second tabid or a second answer to one request means someone else is posting look-alike replies —
 * the results cannot be trusted. (A page that intercepts the messages before anyone else sees them
 * cannot be detected from its own world: see tests/simulator/README.md, "Limits".)
 */
export function watchReplies(win: Window): { stop(): string | null } {
  const tabids = new Set<string>();
  const answered = new Map<number, number>();
  let replies = 0;
  const listener = (event: MessageEvent): void => {
    const message = event.data as { tabid?: unknown; data?: { requestid?: unknown; type?: unknown } } | null;
    if (message === null || typeof message !== 'object' || message.tabid === undefined || typeof message.data !== 'object' || message.data === null) return;
    const { type, requestid } = message.data;
    if (type !== 'result' && type !== 'error') return;
    replies++;
    tabids.add(String(message.tabid).slice(0, 100));
    const id = Number(requestid);
    answered.set(id, (answered.get(id) ?? 0) + 1);
  };
  win.addEventListener('message', listener, true);
  return {
    stop() {
      win.removeEventListener('message', listener, true);
      if (tabids.size > 1) return `plug-in replies from ${tabids.size} different senders`;
      for (const [id, count] of answered) if (count > 1) return `request ${id} answered ${count} times (of ${replies} replies)`;
      return null;
    },
  };
}
