/**
 * Runs in ep-doctor's isolated world (scripting.executeScript `func`: nothing from outside its body):
 * which CryptoPro extensions are installed and enabled, by fetching each one's bridge script, a
 * web-accessible resource. The page can neither fake nor intercept this fetch.
 */
export async function presentBridges(ids: readonly string[], file: string, ms: number): Promise<{ id: string; loaded: boolean }[]> {
  return Promise.all(
    ids.map(async (id) => {
      try {
        const response = await fetch(`chrome-extension://${id}/${file}`, { cache: 'no-store', signal: AbortSignal.timeout(ms) });
        return { id, loaded: response.ok };
      } catch {
        return { id, loaded: false };
      }
    }),
  );
}
