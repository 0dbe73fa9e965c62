import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Scenario } from './scenario';

const HERE = path.dirname(fileURLToPath(import.meta.url));

/** The vendor loader builds each generation stands for (the versions platforms still serve). */
const VERSIONS: Record<Exclude<Scenario['loader'], 'none'>, string> = { '2.0': '2.0.2', '2.1': '2.1.1', '2.3': '2.3.3', '2.4': '2.4.1' };

/**
 * The page loader a scenario's platform page serves as `cadesplugin_api.js`: the simulator's loader
 * (page/cadesplugin_api.js) set to that generation, or null for a page that serves none (404).
 */
export function loaderSource(generation: Scenario['loader']): string | null {
  if (generation === 'none') return null;
  const source = readFileSync(path.join(HERE, 'page/cadesplugin_api.js'), 'utf8');
  const marked = "var JSModuleVersion = '2.4.1';";
  if (!source.includes(marked)) throw new Error('page/cadesplugin_api.js lost its JSModuleVersion line');
  return source.replace(marked, `var JSModuleVersion = '${VERSIONS[generation]}';`);
}
