/** postject ships no types: the one function ep-doctor-host's build calls. */
declare module 'postject' {
  export function inject(file: string, resourceName: string, data: Buffer, options?: { sentinelFuse?: string; machoSegmentName?: string; overwrite?: boolean }): Promise<void>;
  const postject: { inject: typeof inject };
  export default postject;
}
