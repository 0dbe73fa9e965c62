/** Russian UI strings (the primary language). Keys are shared with ui-en.ts; a test checks parity. */
export const UI_RU = {
  brand: 'ep-doctor',
  hintLabel: 'Подсказка ep-doctor',
  hintWhatToDo: 'Что сделать',
  hintCheck: 'Проверить',
  hintCollapse: 'Свернуть',
  hintDismiss: 'Скрыть',
  hintDismissLabel: 'Скрыть подсказку',
  hintMoreSteps: 'Ещё шагов: {n}. Нажмите «Проверить», чтобы увидеть все.',
  hintLinks: 'Справка',
  hintCode: 'Код ошибки: {code}',
  hintDialogSource: 'Сообщение страницы: «{text}»',
  hintPlatform: 'на площадке {platform}',
  hintUnavailable: 'Не удалось загрузить описание проблемы. Откройте ep-doctor на панели браузера.',
  badgeTitle: 'ep-doctor: найдено проблем на странице: {n}',
  actionTitle: 'ep-doctor — проверка электронной подписи',
} as const;

export type UiKey = keyof typeof UI_RU;
