// @ts-check
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildHost, HOST_OUTPUT } from '../host/build.ts';
import { ALL_TARGETS, hostTarget, NODE_VERSION } from '../host/node-binaries.ts';
import { ROOT } from '../lib/build.mjs';

/**
 * ep-doctor-host as the browser starts it: time from spawn to the `hello` reply, and a full inventory
 * over a fake CryptoPro install (stand-in tools that print recorded outputs).
 */
export async function hostFigures() {
  const dir = mkdtempSync(path.join(tmpdir(), 'host-bench-'));
  try {
    const built = await buildHost(ALL_TARGETS);
    const own = hostTarget();
    if (own === null) throw new Error('ep-doctor-host has no executable for this machine');
    const hostFile = built[own];
    const root = path.join(dir, 'root');
    const tool = (/** @type {string} */ rel, /** @type {string} */ fixture) => {
      const file = path.join(root, rel);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, `#!/bin/sh\ncat '${path.join(ROOT, 'tests/fixtures/host', fixture)}'\n`);
      chmodSync(file, 0o755);
    };
    tool('opt/cprocsp/bin/amd64/csptest', 'csptest-enum-cont-rutoken.txt');
    tool('opt/cprocsp/bin/amd64/certmgr', 'certmgr-list-umy.txt');
    mkdirSync(path.join(dir, 'home'), { recursive: true });
    /** @type {number[]} */ const hellos = [];
    /** @type {number[]} */ const inventories = [];
    for (let run = 0; run < 7; run++) {
      const started = performance.now();
      const child = spawn(hostFile, ['chrome-extension://pgejebgggaeiophnmnnockehkjkgfhhe/', `--test-root=${root}`], { env: { ...process.env, HOME: path.join(dir, 'home') }, stdio: ['pipe', 'pipe', 'ignore'] });
      const frame = (/** @type {unknown} */ m) => {
        const body = Buffer.from(JSON.stringify(m));
        const head = Buffer.alloc(4);
        head.writeUInt32LE(body.length, 0);
        return Buffer.concat([head, body]);
      };
      /** @type {Buffer} */ let pending = Buffer.alloc(0);
      let replies = 0;
      let inventoryStart = 0;
      await new Promise((resolve) => {
        child.stdout.on('data', (/** @type {Buffer} */ chunk) => {
          pending = Buffer.concat([pending, chunk]);
          while (pending.length >= 4 && pending.length >= 4 + pending.readUInt32LE(0)) {
            pending = pending.subarray(4 + pending.readUInt32LE(0));
            replies++;
            if (replies === 1) {
              hellos.push(performance.now() - started);
              inventoryStart = performance.now();
              child.stdin.write(frame({ id: '2', type: 'inventory', browser: 'chromium' }));
            } else {
              inventories.push(performance.now() - inventoryStart);
              child.stdin.end();
              resolve(undefined);
            }
          }
        });
        child.stdin.write(frame({ id: '1', type: 'hello' }));
      });
    }
    const median = (/** @type {number[]} */ v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] ?? Number.NaN;
    return [
      { name: 'ep-doctor-host: start to first reply', value: median(hellos), unit: 'ms', budget: 150, detail: `median of ${hellos.length}; the ${own} single executable (Node ${NODE_VERSION}, code cache in the blob)` },
      { name: 'ep-doctor-host: full inventory with the fake tools', value: median(inventories), unit: 'ms', budget: 1500, detail: `median of ${inventories.length}; manifests of 5 browsers, csptest, cpconfig (absent), certmgr` },
      ...ALL_TARGETS.map((target) => ({ name: `ep-doctor-host executable, ${target}`, value: statSync(built[target]).size / 1024 / 1024, unit: 'MB', budget: null, detail: `Node ${NODE_VERSION} + ${(statSync(path.join(HOST_OUTPUT, 'ep-doctor-host.cjs')).size / 1024).toFixed(0)} KB script` })),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
