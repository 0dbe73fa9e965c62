/** Where background, popup and hints read the parsed organisation policy (storage.local, written by the background). */
export const ORG_POLICY_KEY = 'org:policy';
