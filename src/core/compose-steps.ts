/** How a platform's steps combine with the generic ones (see PlatformRemedy). */
export type RemedyMode = 'replace' | 'before' | 'after';

export function composeSteps(
  generic: readonly string[],
  platform: { mode: RemedyMode; steps: readonly string[] } | undefined,
): string[] {
  if (platform === undefined) return [...generic];
  switch (platform.mode) {
    case 'replace':
      return [...platform.steps];
    case 'before':
      return [...platform.steps, ...generic];
    case 'after':
      return [...generic, ...platform.steps];
  }
}
