/**
 * Parsers of CryptoPro CSP's command-line tools. Formats: csptest's from outputs recorded in public
 * notes (tests/fixtures/host/README.md); certmgr's field names from public scripts that parse it;
 * cpconfig's licence text is only partly documented, so unknown wording stays «unknown».
 */
export interface ContainerList {
  /** `5.0.12455` from `CSP (Type:80) v5.0.10010 KC1 Release Ver:5.0.12455 …`. */
  cspVersion: string | null;
  containers: string[];
  ok: boolean;
  errorCode: string | null;
}

export function parseContainerList(text: string): ContainerList {
  const version = /Release Ver:(\d+(?:\.\d+){1,3})/.exec(text)?.[1] ?? /\bv(\d+\.\d+\.\d+)/.exec(text)?.[1] ?? null;
  const containers = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => /^\\\\\.\\[^\\]+\\/.test(l))
    .slice(0, 200);
  const code = /\[ErrorCode:\s*(0x[0-9a-f]{8})\]/i.exec(text)?.[1] ?? null;
  return { cspVersion: version, containers, ok: /^OK\.\s*$/m.test(text) && (code === null || /^0x0+$/.test(code)), errorCode: code === null ? null : `0x${code.slice(2).toUpperCase()}` };
}

export interface CertmgrEntry {
  subject: string;
  issuer: string;
  thumbprint: string;
  notAfter: string;
  privateKeyLink: boolean | null;
  container: string | null;
}

/** `certmgr -list -store uMy`: entries separated by `N-------` lines, `Field : value` lines inside. */
export function parseCertmgrList(text: string): CertmgrEntry[] {
  return text
    .split(/^\s*\d+-{5,}\s*$/m)
    .slice(1)
    .map((block) => {
      const field = (name: string): string | null => new RegExp(`^\\s*${name}\\s*:\\s*(.*)$`, 'mi').exec(block)?.[1]?.trim() ?? null;
      const link = field('PrivateKey Link');
      return {
        subject: (field('Subject') ?? '').slice(0, 1000),
        issuer: (field('Issuer') ?? '').slice(0, 1000),
        thumbprint: (field('SHA1 Thumbprint') ?? field('SHA1 Hash') ?? '').replace(/^0x/i, '').toUpperCase().slice(0, 64),
        notAfter: (field('Not valid after') ?? '').slice(0, 60),
        privateKeyLink: link === null ? null : /^(yes|да)/i.test(link),
        container: field('Container')?.slice(0, 300) ?? null,
      };
    })
    .filter((e) => e.thumbprint !== '')
    .slice(0, 100);
}

export type LicenseView = { state: 'permanent' } | { state: 'valid' | 'expired'; days: number | null } | { state: 'error'; text: string } | { state: 'unknown'; text: string };

/** `cpconfig -license -view`. */
export function parseLicenseView(text: string): LicenseView {
  const t = text.slice(0, 4000);
  if (/error code/i.test(t)) return { state: 'error', text: t.trim().slice(0, 200) };
  if (/expired|истек/i.test(t)) return { state: 'expired', days: 0 };
  if (/permanent|бессрочн|unlimited/i.test(t)) return { state: 'permanent' };
  const days = /expires?:?\s*(?:in\s*)?(\d+)\s*day/i.exec(t) ?? /(\d+)\s*(?:day|дн)/i.exec(t);
  if (days !== null) return Number(days[1]) > 0 ? { state: 'valid', days: Number(days[1]) } : { state: 'expired', days: 0 };
  return { state: 'unknown', text: t.trim().slice(0, 200) };
}
