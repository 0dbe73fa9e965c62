import type { LocalizedSteps, LocalizedText } from '../core/localized';
import type { ProblemId } from '../core/problem-ids';

/**
 * A text a platform shows for a problem, written as it appears on the page.
 * Matching is tolerant of case, ё/е, quote styles, non-breaking and repeated spaces and line breaks;
 * `…` stands for any gap of up to 80 characters. No regular-expression syntax.
 */
export interface PlatformText {
  text: string;
  problem: ProblemId;
}

/**
 * What the content script needs about a platform: small, text-light data.
 * `hosts` are host patterns: `lkul.nalog.ru` (that host only) or `*.sberbank-ast.ru`
 * (the domain itself and every subdomain). They become the content scripts' `matches`.
 */
export interface PlatformMatch {
  id: string;
  hosts: readonly string[];
  texts: readonly PlatformText[];
}

/** How a platform's steps combine with the catalog's generic remedy for a problem. */
export interface PlatformRemedy {
  /** `replace`: only these steps; `before`/`after`: these steps, then/after the generic ones. */
  mode: 'replace' | 'before' | 'after';
  steps: LocalizedSteps;
}

export interface PlatformLink {
  title: LocalizedText;
  url: string;
}

/** What the background, popup and report need: remedies, links, facts. Never bundled into the content script. */
export interface PlatformGuide {
  /** The platform's name as users know it: «Сбербанк-АСТ», "Sberbank-AST". */
  name: LocalizedText;
  /** Law sections the platform serves: '44' (44-ФЗ), '223', '178', 'commercial', 'property', 'government-services'. */
  sections: readonly string[];
  /** Cabinet hosts that need GOST TLS (a GOST-capable browser). */
  gostTlsHosts: readonly string[];
  /** Those hosts ask for the qualified certificate during the TLS handshake (ФНС cabinets). */
  gostTlsClientCertificate?: true;
  /** Platform-specific remedy steps per problem; problems not listed use the generic remedy. */
  remedies: Partial<Record<ProblemId, PlatformRemedy>>;
  /** Official help, support and self-check pages where known. */
  links: readonly PlatformLink[];
  /** URLs of real pages of this platform; each must match this platform and no other. */
  testUrls: readonly string[];
}
