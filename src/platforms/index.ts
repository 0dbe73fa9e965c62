import type { PlatformMatch } from './types';
import { match as astgoz } from './astgoz';
import { match as b2bCenter } from './b2b-center';
import { match as berezka } from './berezka';
import { match as eis } from './eis';
import { match as etpgpb } from './etpgpb';
import { match as etprf } from './etprf';
import { match as fabrikant } from './fabrikant';
import { match as gosuslugi } from './gosuslugi';
import { match as lotOnline } from './lot-online';
import { match as nalog } from './nalog';
import { match as otc } from './otc';
import { match as roseltorg } from './roseltorg';
import { match as rtsTender } from './rts-tender';
import { match as sberbankAst } from './sberbank-ast';
import { match as tektorg } from './tektorg';
import { match as torgi } from './torgi';
import { match as zakazrf } from './zakazrf';

/**
 * Every supported platform, alphabetical. Adding a platform: its file, this list, guides.ts, fixtures,
 * and a README row (the convention tests name whatever is missing).
 */
export const PLATFORM_MATCHES: readonly PlatformMatch[] = [
  astgoz,
  b2bCenter,
  berezka,
  eis,
  etpgpb,
  etprf,
  fabrikant,
  gosuslugi,
  lotOnline,
  nalog,
  otc,
  roseltorg,
  rtsTender,
  sberbankAst,
  tektorg,
  torgi,
  zakazrf,
];
