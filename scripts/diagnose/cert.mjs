// @ts-check
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../lib/build.mjs';
import { parseArgs, UsageError } from './usage.mjs';

/**
 * `cert FILE... [--now ISO-8601] [--json]`: what ep-doctor says about certificates (DER, PEM or the
 * plug-in's base64), the issuer looked up in the bundled CA list. A file that is not a certificate
 * gives an error line and the next file is read.
 * @param {string[]} args
 */
export async function run(args) {
  const { options, positional } = parseArgs(args, { now: 'value', json: 'flag' });
  if (positional.length === 0) throw new UsageError('cert: give at least one certificate FILE');
  const now = options.now === undefined ? new Date() : new Date(String(options.now));
  if (Number.isNaN(now.getTime()) || (typeof options.now === 'string' && !/^\d{4}-\d{2}-\d{2}/.test(options.now))) throw new UsageError(`cert: --now must be an ISO-8601 date: ${String(options.now)}`);
  // TypeScript sources run through tsx (npm run diagnose loads it).
  const { analyseCertificate } = await import('../../src/certs/analyse.ts');
  const { caDirectory, unpackSnapshot } = await import('../../src/certs/ca/types.ts');
  const caList = caDirectory(unpackSnapshot(JSON.parse(readFileSync(path.join(ROOT, 'src/certs/ca/snapshot.json'), 'utf8'))));
  let failures = 0;
  for (const file of positional) {
    if (!existsSync(file) || !statSync(file).isFile()) {
      failures++;
      emit(options.json === true, { file, error: 'no such file' });
      continue;
    }
    const result = analyseCertificate(new Uint8Array(readFileSync(file)), now, caList);
    if (!result.ok) {
      failures++;
      emit(options.json === true, { file, error: result.error });
      continue;
    }
    const { facts, findings } = result;
    const problems = [...new Set(findings.map((f) => f.problem).filter((p) => p !== null))].sort();
    const listed = facts.extensions.authorityKeyId === null ? [] : caList.byKeyId(facts.extensions.authorityKeyId);
    emit(options.json === true, {
      file,
      problems,
      subject: facts.subject.commonName,
      issuer: facts.issuer.organization ?? facts.issuer.commonName,
      validTo: facts.notAfter.toISOString(),
      validFrom: facts.notBefore.toISOString(),
      privateKeyValidTo: facts.extensions.privateKeyUsagePeriod?.notAfter?.toISOString() ?? null,
      ownerKind: facts.ownerKind,
      issuerKind: facts.issuerKind,
      issuerInCaList: listed.length > 0,
      keyAlgorithm: facts.keyAlgorithm.name ?? facts.keyAlgorithm.oid,
      toolClasses: facts.toolClasses,
      findings,
    });
  }
  return failures === positional.length ? 1 : 0;
}

const OWNER = { 'legal-entity': 'юридическое лицо', 'sole-proprietor': 'индивидуальный предприниматель', individual: 'физическое лицо' };

/** @param {boolean} json @param {Record<string, any>} record */
function emit(json, record) {
  if (json) return void process.stdout.write(`${JSON.stringify(record)}\n`);
  if (record.error !== undefined) return void process.stdout.write(`${record.file}\n  error: ${record.error}\n`);
  const day = (/** @type {string | null} */ iso) => (iso === null ? '—' : iso.slice(0, 10));
  process.stdout.write(
    `${record.file}\n` +
      `  subject: ${record.subject ?? '—'} (${OWNER[/** @type {keyof typeof OWNER} */ (record.ownerKind)]})\n` +
      `  issuer: ${record.issuer ?? '—'} (${record.issuerKind}; ${record.issuerInCaList ? 'в перечне УЦ' : 'нет в перечне УЦ'})\n` +
      `  valid: ${day(record.validFrom)} — ${day(record.validTo)}; private key to ${day(record.privateKeyValidTo)}\n` +
      `  key: ${record.keyAlgorithm}${record.toolClasses.length > 0 ? `; ${record.toolClasses.join(', ')}` : ''}\n` +
      `  problems: ${record.problems.length === 0 ? 'none' : record.problems.join(', ')}\n` +
      record.findings.map((/** @type {any} */ f) => `    ${f.rule} (${f.severity}${f.problem ? `, ${f.problem}` : ''}): ${f.evidence.field}${f.evidence.value ? ` = ${f.evidence.value}` : ''}${f.evidence.date ? ` ${f.evidence.date.slice(0, 10)}` : ''}\n`).join(''),
  );
}
