/**
 * Builds the bundled CA snapshot (src/certs/ca/snapshot.json) from the Минцифры TSL XML a maintainer
 * downloaded, or from a PEM bundle of its CA certificates:
 *   npx tsx scripts/ca-snapshot/build.ts --tsl TSL.xml [--out FILE]
 *   npx tsx scripts/ca-snapshot/build.ts --pem BUNDLE.pem --date YYYY-MM-DD [--version N] [--out FILE]
 * The extension never downloads the list itself.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { packSnapshot } from '../../src/certs/ca/types';
import { snapshotFromPemBundle, snapshotFromTsl } from './tsl';

const { values } = parseArgs({ options: { tsl: { type: 'string' }, pem: { type: 'string' }, date: { type: 'string' }, version: { type: 'string' }, out: { type: 'string' } } });
const out = values.out ?? path.resolve(import.meta.dirname, '../../src/certs/ca/snapshot.json');
let snapshot;
if (values.tsl !== undefined) snapshot = snapshotFromTsl(readFileSync(values.tsl, 'utf8'));
else if (values.pem !== undefined && values.date !== undefined) snapshot = snapshotFromPemBundle(readFileSync(values.pem, 'utf8'), values.date, values.version ?? null);
else {
  process.stderr.write('usage: build.ts --tsl TSL.xml | --pem BUNDLE.pem --date YYYY-MM-DD [--version N] [--out FILE]\n');
  process.exit(2);
}
const json = JSON.stringify(packSnapshot(snapshot));
writeFileSync(out, `${json}\n`);
process.stdout.write(`${snapshot.entries.length} CA certificates (${snapshot.source}, listed ${snapshot.listedAt.slice(0, 10)}), ${(Buffer.byteLength(json) / 1024).toFixed(1)} KB → ${out}\n`);
