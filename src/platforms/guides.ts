import type { PlatformGuide } from './types';
import { guide as astgoz } from './astgoz';
import { guide as b2bCenter } from './b2b-center';
import { guide as berezka } from './berezka';
import { guide as eis } from './eis';
import { guide as etpgpb } from './etpgpb';
import { guide as etprf } from './etprf';
import { guide as fabrikant } from './fabrikant';
import { guide as gosuslugi } from './gosuslugi';
import { guide as lotOnline } from './lot-online';
import { guide as nalog } from './nalog';
import { guide as otc } from './otc';
import { guide as roseltorg } from './roseltorg';
import { guide as rtsTender } from './rts-tender';
import { guide as sberbankAst } from './sberbank-ast';
import { guide as tektorg } from './tektorg';
import { guide as torgi } from './torgi';
import { guide as zakazrf } from './zakazrf';

/** Remedies, links and test URLs per platform id. Kept apart from index.ts so the content script never bundles them. */
export const PLATFORM_GUIDES: Readonly<Record<string, PlatformGuide>> = {
  'astgoz': astgoz,
  'b2b-center': b2bCenter,
  'berezka': berezka,
  'eis': eis,
  'etpgpb': etpgpb,
  'etprf': etprf,
  'fabrikant': fabrikant,
  'gosuslugi': gosuslugi,
  'lot-online': lotOnline,
  'nalog': nalog,
  'otc': otc,
  'roseltorg': roseltorg,
  'rts-tender': rtsTender,
  'sberbank-ast': sberbankAst,
  'tektorg': tektorg,
  'torgi': torgi,
  'zakazrf': zakazrf,
};
