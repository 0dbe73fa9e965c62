import type { UiKey } from './ui-ru';

/** English UI strings. Same keys as ui-ru.ts. */
export const UI_EN: Record<UiKey, string> = {
  brand: 'ep-doctor',
  hintLabel: 'ep-doctor hint',
  hintWhatToDo: 'What to do',
  hintCheck: 'Check',
  hintCollapse: 'Collapse',
  hintDismiss: 'Hide',
  hintDismissLabel: 'Hide this hint',
  hintMoreSteps: '{n} more steps. Press “Check” to see them all.',
  hintLinks: 'Help',
  hintCode: 'Error code: {code}',
  hintDialogSource: 'Page message: “{text}”',
  hintPlatform: 'on {platform}',
  hintUnavailable: 'Could not load the description of this problem. Open ep-doctor from the browser toolbar.',
  badgeTitle: 'ep-doctor: problems found on this page: {n}',
  actionTitle: 'ep-doctor — electronic signature check',
};
