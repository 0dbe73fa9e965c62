// @ts-check
/**
 * Certificate figures for `npm run bench`: analysis time per certificate, the size of the code that
 * parses and checks certificates and of the lazily loaded GOST chunk, and issuer-signature
 * verification time measured inside the extension's MV3 service worker (Chromium).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { ROOT } from '../lib/build.mjs';

const SHARED = path.resolve(ROOT, '../shared');
const GENERATED = path.join(SHARED, 'fixtures/certs/generated');

/** Median ms per certificate over the fixtures and 300 real CA certificates (Node, same code as the extension). */
export async function analysisMs() {
  const { analyseCertificate } = await import('../../src/certs/analyse.ts');
  const inputs = [
    ...readdirSync(GENERATED).filter((f) => f.endsWith('.pem')).map((f) => readFileSync(path.join(GENERATED, f), 'utf8')),
    ...(readFileSync(path.join(SHARED, 'fixtures/ca-list/tsl-16314-ca-certificates.pem'), 'utf8').match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) ?? []).slice(0, 300),
  ];
  const now = new Date('2026-06-01T00:00:00Z');
  for (const input of inputs) analyseCertificate(input, now); // warm-up
  const times = [];
  for (let round = 0; round < 5; round++) {
    const started = performance.now();
    for (const input of inputs) analyseCertificate(input, now);
    times.push((performance.now() - started) / inputs.length);
  }
  return times.sort((a, b) => a - b)[2] ?? Number.NaN;
}

/** Minified sizes: the certificate analysis, and the GOST chunk it loads only to verify a signature. */
export async function bundleSizes() {
  const result = await esbuild.build({
    stdin: { contents: "export { analyseCertificate } from './src/certs/analyse';\nexport { checkIssuerSignature } from './src/certs/verify-signature';", resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    write: false,
    outdir: 'out',
    platform: 'browser',
    metafile: true,
  });
  const sizes = result.outputFiles.map((f) => ({ name: path.basename(f.path), kb: f.contents.length / 1024, gost: /gostSign|GOST R 34\.10/.test(f.text) && !/analyseCertificate/.test(f.text) }));
  return { analysisKb: sizes.filter((s) => !s.gost).reduce((sum, s) => sum + s.kb, 0), gostKb: sizes.filter((s) => s.gost).reduce((sum, s) => sum + s.kb, 0) };
}

/**
 * Verification inside the extension's service worker: the same code, bundled as a script and run
 * there through DevTools, 5 times per key size; returns median ms for 256- and 512-bit keys.
 * @param {import('puppeteer-core').WebWorker} worker
 */
export async function verificationMsInWorker(worker) {
  const bundle = await esbuild.build({
    stdin: {
      contents: `import { parseCertificate } from './src/certs/x509';
        import { certificateBytes } from './src/certs/input';
        import { gostKeyOf, verifyWithKey } from './src/certs/verify-signature';
        globalThis.__epDoctorVerify = async (user, ca, runs) => {
          const cert = parseCertificate(certificateBytes(user));
          const key = gostKeyOf(parseCertificate(certificateBytes(ca)));
          const times = []; let result;
          for (let i = 0; i < runs; i++) { const t = performance.now(); result = await verifyWithKey(cert, key); times.push(performance.now() - t); }
          return { result, times };
        };`,
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    minify: true,
    write: false,
    platform: 'browser',
  });
  await worker.evaluate(bundle.outputFiles[0]?.text ?? '');
  /** @param {string} user @param {string} ca */
  const measure = async (user, ca) => {
    const read = (/** @type {string} */ f) => readFileSync(path.join(GENERATED, f), 'utf8');
    const { result, times } = /** @type {{result: string, times: number[]}} */ (await worker.evaluate((u, c) => /** @type {any} */ (globalThis).__epDoctorVerify(u, c, 6), read(user), read(ca)));
    if (result !== 'valid') throw new Error(`${user}: ${result}`);
    return times.slice(1).sort((a, b) => a - b)[2] ?? Number.NaN; // the first run loads and compiles the chunk
  };
  return { ms256: await measure('ee-fl-valid.pem', 'ca/ca-commercial.pem'), ms512: await measure('ee-gost2012-512.pem', 'ca/ca-512.pem') };
}
