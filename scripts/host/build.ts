/**
 * ep-doctor-host as single-file executables (Node's single-executable applications) for linux-x64,
 * win-x64, darwin-x64 and darwin-arm64, in .output/host/<target>/. The host is bundled into one
 * CommonJS script, turned into a SEA blob by the Node binary of the build machine's own target (same
 * version as every target), and injected with postject into a copy of each target's official Node
 * binary. Windows binaries lose their Authenticode signature first (it would no longer verify); macOS
 * ones, whose signature postject drops, are signed ad hoc (macho-sign.ts).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import postject from 'postject';
import { readExecutable, SEA_FUSE, SEA_RESOURCE, stripAuthenticode } from './exe-structure';
import { signMachOAdHoc } from './macho-sign';
import { ALL_TARGETS, hostTarget, NODE_VERSION, nodeBinary, TARGETS, type Target } from './node-binaries';

export const HOST_OUTPUT = path.resolve(import.meta.dirname, '../../.output/host');
const CACHE = path.resolve(import.meta.dirname, '../../node_modules/.cache/ep-doctor-host');
const ROOT = path.resolve(import.meta.dirname, '../..');

export function executablePath(target: Target): string {
  return path.join(HOST_OUTPUT, target, TARGETS[target].exe);
}

interface Stamp {
  node: string;
  bundle: string;
  targets: Partial<Record<Target, { bytes: number; blob: string }>>;
}

function readStamp(): Stamp | null {
  try {
    return JSON.parse(readFileSync(path.join(HOST_OUTPUT, 'build.json'), 'utf8')) as Stamp;
  } catch {
    return null;
  }
}

/** A blob from `node --experimental-sea-config`; code cache only where the generating binary is the target. */
function makeBlob(generator: string, script: string, name: string, codeCache: boolean): Buffer {
  const config = path.join(HOST_OUTPUT, `${name}.sea.json`);
  const blob = path.join(HOST_OUTPUT, `${name}.blob`);
  writeFileSync(config, JSON.stringify({ main: script, output: blob, disableExperimentalSEAWarning: true, useCodeCache: codeCache, useSnapshot: false }));
  // Its one line of chatter goes to stderr; a failure still throws with that output in the message.
  execFileSync(generator, ['--experimental-sea-config', config], { stdio: 'pipe' });
  rmSync(config);
  return readFileSync(blob);
}

/**
 * LIEF (inside postject) warns about every ELF note section it cannot name — harmless, and dozens of
 * lines. Its printer binds console.warn when the module first loads, so the filter stays in place.
 */
async function quietly(inject: () => Promise<void>): Promise<void> {
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (!String(args[0]).includes("Can't find string offset for section name")) warn(...args);
  };
  try {
    await inject();
  } finally {
    console.warn = warn;
  }
}

/** Builds the targets asked for (default all) whose executable is missing or holds another bundle than the sources make. */
export async function buildHost(targets: readonly Target[] = ALL_TARGETS, log: (line: string) => void = () => {}): Promise<Record<Target, string>> {
  mkdirSync(HOST_OUTPUT, { recursive: true });
  const script = path.join(HOST_OUTPUT, 'ep-doctor-host.cjs');
  const bundled = await build({ entryPoints: [path.join(ROOT, 'src/host/main.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node22', minify: true, outfile: script, write: false, logLevel: 'error' });
  const code = Buffer.from(bundled.outputFiles[0]!.contents);
  // Written only when it changed: tests and the demo call this while others read the files.
  if (!existsSync(script) || !readFileSync(script).equals(code)) writeFileSync(script, code);
  const bundle = createHash('sha256').update(code).digest('hex');
  const previous = readStamp();
  const previousText = previous === null ? '' : `${JSON.stringify(previous, null, 2)}\n`;
  const stamp: Stamp = previous?.bundle === bundle && previous.node === NODE_VERSION ? previous : { node: NODE_VERSION, bundle, targets: {} };
  const own = hostTarget();
  if (own === null) throw new Error(`no Node ${NODE_VERSION} binary for this machine (${process.platform}-${process.arch}) to generate the SEA blob with`);
  const generator = nodeBinary(own, CACHE);
  const blobs = new Map<boolean, Buffer>();
  const out = {} as Record<Target, string>;
  let rebuilt = false;
  for (const target of targets) {
    const file = executablePath(target);
    out[target] = file;
    if (stamp.targets[target] !== undefined && existsSync(file)) continue;
    rebuilt = true;
    const codeCache = target === own;
    if (!blobs.has(codeCache)) blobs.set(codeCache, makeBlob(generator, script, codeCache ? `sea-${own}` : 'sea-portable', codeCache));
    const blob = blobs.get(codeCache)!;
    const started = Date.now();
    mkdirSync(path.dirname(file), { recursive: true });
    let binary: Buffer = readFileSync(nodeBinary(target, CACHE));
    if (target.startsWith('win-')) binary = stripAuthenticode(binary);
    writeFileSync(file, binary);
    chmodSync(file, 0o755);
    await quietly(() => postject.inject(file, SEA_RESOURCE, blob, { sentinelFuse: SEA_FUSE, ...(target.startsWith('darwin-') ? { machoSegmentName: 'NODE_SEA' } : {}) }));
    let final: Buffer = readFileSync(file);
    // Apple silicon starts only signed programs: an ad-hoc signature over the final bytes.
    if (target.startsWith('darwin-')) {
      final = signMachOAdHoc(final, 'ep-doctor-host');
      writeFileSync(file, final);
    }
    const layout = readExecutable(final);
    if (layout.blob === null || !layout.blob.equals(blob) || !layout.fuseFlipped) throw new Error(`${target}: the SEA blob is not where Node looks for it`);
    const bytes = final.length;
    stamp.targets[target] = { bytes, blob: createHash('sha256').update(blob).digest('hex') };
    log(`${target}: ${path.relative(process.cwd(), file)} (${(bytes / 1024 / 1024).toFixed(1)} MB, ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  }
  // What a download page lists, so a user or support can tell a file is the one built.
  const sumsFile = path.join(HOST_OUTPUT, 'SHA256SUMS');
  if (rebuilt || !existsSync(sumsFile)) {
    const sums = ALL_TARGETS.filter((t) => existsSync(executablePath(t))).map((t) => `${createHash('sha256').update(readFileSync(executablePath(t))).digest('hex')}  ${t}/${TARGETS[t].exe}`);
    writeFileSync(sumsFile, `${sums.join('\n')}\n`);
  }
  const stampText = `${JSON.stringify(stamp, null, 2)}\n`;
  if (stampText !== previousText) writeFileSync(path.join(HOST_OUTPUT, 'build.json'), stampText);
  return out;
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const asked = process.argv.slice(2).flatMap((a, i, all) => (all[i - 1] === '--target' ? [a] : []));
  const unknown = asked.filter((t) => !(ALL_TARGETS as string[]).includes(t));
  if (unknown.length > 0) {
    process.stderr.write(`build:host: unknown target ${unknown.join(', ')}; targets: ${ALL_TARGETS.join(', ')}\n`);
    process.exit(2);
  }
  const built = await buildHost(asked.length > 0 ? (asked as Target[]) : ALL_TARGETS, (line) => process.stdout.write(`${line}\n`));
  const own = hostTarget();
  if (own !== null && built[own] !== undefined) process.stdout.write(`\nthen, on this machine: ${path.relative(process.cwd(), built[own])} install   (or status, uninstall; --browser chrome|chromium|yandex|edge|firefox)\n`);
}
