/** The GOST signature module of node-gost-crypto (Apache-2.0 code by R. Nickolaev); it ships no types. */
declare module 'node-gost-crypto/lib/gostSign.js' {
  const GostSign: new (algorithm: Record<string, unknown>) => { verify(publicKey: ArrayBuffer, signature: ArrayBuffer, data: ArrayBuffer): boolean };
  export default GostSign;
}

/** Its GOST R 34.11 hash (the simulator's CAdESCOM.HashedData uses it). */
declare module 'node-gost-crypto/lib/gostDigest.js' {
  const GostDigest: new (algorithm: { name: string; version: number; length?: number }) => { digest(data: ArrayBuffer): ArrayBuffer };
  export default GostDigest;
}
