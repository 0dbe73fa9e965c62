/**
 * node-gost-crypto (about 85 KB) loads only when a signature or digest is computed: its own chunk in a
 * bundle, never in the content script.
 */
interface GostSigner {
  verify(publicKey: ArrayBuffer, signature: ArrayBuffer, data: ArrayBuffer): boolean;
}
export type GostSignCtor = new (algorithm: Record<string, unknown>) => GostSigner;
export type GostDigestCtor = new (algorithm: { name: string; version: number; length?: number }) => { digest(data: ArrayBuffer): ArrayBuffer };

// The library reads `global`; browsers and service workers have `globalThis`.
const withGlobal = (): void => void ((globalThis as { global?: unknown }).global ??= globalThis);

let sign: Promise<GostSignCtor> | null = null;
export function gostSign(): Promise<GostSignCtor> {
  sign ??= (async () => {
    withGlobal();
    const module = (await import('node-gost-crypto/lib/gostSign.js')) as { default?: GostSignCtor } & GostSignCtor;
    return module.default ?? module;
  })();
  return sign;
}

let digest: Promise<GostDigestCtor> | null = null;
export function gostDigest(): Promise<GostDigestCtor> {
  digest ??= (async () => {
    withGlobal();
    const module = (await import('node-gost-crypto/lib/gostDigest.js')) as { default?: GostDigestCtor } & GostDigestCtor;
    return module.default ?? module;
  })();
  return digest;
}

/** GOST R 34.11-2012 (256 or 512 bits), or SHA-1 (`length` 160: certificate thumbprints). */
export async function hash(data: Uint8Array, length: 160 | 256 | 512): Promise<Uint8Array> {
  const Digest = await gostDigest();
  const algorithm = length === 160 ? { name: 'SHA', version: 1 } : { name: 'GOST R 34.11', version: 2012, length };
  // A copy: a view's `.buffer` (a Node Buffer's pool, say) holds more than the view.
  return new Uint8Array(new Digest(algorithm).digest(Uint8Array.from(data).buffer));
}
