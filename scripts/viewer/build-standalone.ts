import { deflateSync } from 'node:zlib';
import path from 'node:path';
import { build } from 'esbuild';
import { buildHintPack } from '../../src/background/build-hint-pack';
import { VIEWER_CSS } from '../../src/viewer/style';

const ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * report-viewer.html: the standalone report viewer as one offline file (code, styles and both
 * languages' texts inline; a CSP that allows no network at all).
 */
export async function buildStandaloneViewer(version: string): Promise<string> {
  const packs = Object.fromEntries((['ru', 'en'] as const).map((lang) => {
    const { problems, platforms } = buildHintPack(lang, version);
    return [lang, { problems, platforms }];
  }));
  const packed = deflateSync(Buffer.from(JSON.stringify(packs)), { level: 9 }).toString('base64');
  const bundle = await build({
    entryPoints: [path.join(ROOT, 'src/viewer/standalone.ts')],
    bundle: true,
    format: 'iife',
    minify: true,
    write: false,
    target: 'es2020',
    define: { __EP_DOCTOR_PACKS__: JSON.stringify(packed) },
    logLevel: 'error',
  });
  const code = (bundle.outputFiles[0]?.text ?? '').replace(/<\/script/gi, '<\\/script');
  return `<!doctype html>
<html lang="ru">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="ep-doctor ${version}">
<title>ep-doctor</title>
<style>${VIEWER_CSS}</style>
</head>
<body>
<main id="viewer"></main>
<script>${code}</script>
</body>
</html>
`;
}
