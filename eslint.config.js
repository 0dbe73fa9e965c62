// @ts-check
import tseslint from 'typescript-eslint';

/** Browser globals a pure folder must not touch: it gets the DOM or data as parameters. */
const BROWSER_GLOBALS = ['chrome', 'browser', 'window', 'document', 'location', 'navigator', 'localStorage', 'sessionStorage', 'fetch', 'XMLHttpRequest'].map(
  (name) => ({ name, message: 'Pure folders (src/core, src/detectors, src/platforms, src/certs) take data as parameters, never browser globals.' }),
);

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'public/**', 'bench-results/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // Product code never turns strings into markup; tests may build fixtures with innerHTML.
    files: ['src/**', 'entrypoints/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[property.name='innerHTML']", message: 'Never build HTML from strings: create elements and set textContent.' },
        { selector: "MemberExpression[property.name='outerHTML']", message: 'Never build HTML from strings.' },
        { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'Never build HTML from strings.' },
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Never render page or catalog text as HTML.' },
      ],
    },
  },
  {
    files: ['src/core/**', 'src/detectors/**', 'src/platforms/**', 'src/certs/**'],
    rules: {
      'no-restricted-globals': ['error', ...BROWSER_GLOBALS],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['wxt', 'wxt/*', '#imports'], message: 'Pure folders import no browser APIs.' },
            { group: ['**/background/**', '**/content/**', '**/popup/**', '**/entrypoints/**'], message: 'Pure folders import only pure folders.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/content/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['zod', 'zod/*', '**/core/messages', '**/core/hint-pack'], allowTypeImports: true, message: 'The content script has a 20 KB budget and receives no messages: no zod (type imports are fine).' },
            { group: ['**/platforms/guides', '**/core/catalog', '**/core/catalog/*'], message: 'Catalog and guide texts reach the content script through the hint pack, not the bundle.' },
            { group: ['**/background/**', '**/popup/**'], message: 'Contexts talk through messages only.' },
            {
              regex: '/(?:detectors/(?:text-signals|code-signals|compile-[a-z-]+|matcher|detect-pack)|platforms(?:/(?!match-url$|types$)[a-z-]+)?)$',
              allowTypeImports: true,
              message: 'Signal texts, codes and platform data reach the content script compiled, through storage (detect-pack.ts): new detectors cost its bundle nothing.',
            },
          ],
        },
      ],
    },
  },
);
