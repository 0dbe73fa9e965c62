import type { PlatformGuide, PlatformMatch } from './types';

/**
 * B2B-Center: 223-ФЗ and commercial procurement. Certificates are registered per organisation and must come from
 * a CA accredited in B2B-Center with the system's signature policy (research/platforms.md §3.9). No own error text
 * is known, so only the generic detectors fire here.
 */
export const match = {
  id: 'b2b-center',
  hosts: ['*.b2b-center.ru'],
  texts: [],
} as const satisfies PlatformMatch;

export const guide: PlatformGuide = {
  name: { ru: 'B2B-Center', en: 'B2B-Center' },
  sections: ['223', 'commercial'],
  gostTlsHosts: [],
  remedies: {
    'platform-cert-not-registered': {
      mode: 'replace',
      steps: {
        ru: [
          'Войдите в личный кабинет B2B-Center (https://www.b2b-center.ru/personal/). Регистрировать сертификаты обычно может главный пользователь организации — если у вас нет этих прав, попросите его.',
          'Проверьте сертификат до загрузки: он должен быть выдан УЦ, аккредитованным в системе B2B-Center, и содержать политику применения электронной подписи в Системе. Другой сертификат площадка не примет.',
          'Загрузите новый сертификат в личном кабинете — сохранённая заявка появится на странице «Регистрация сертификатов».',
          'Дождитесь обработки заявки и войдите снова; если статус не меняется, обратитесь в поддержку B2B-Center.',
        ],
        en: [
          'Log in to your B2B-Center personal account (https://www.b2b-center.ru/personal/). Certificates can usually be registered by the organisation\'s main user — if you lack these rights, ask them.',
          'Check the certificate before uploading: it must be issued by a CA accredited in the B2B-Center system and contain the policy for using electronic signatures in the System. The platform will not accept another certificate.',
          'Upload the new certificate in your personal account — the saved request appears on the «Регистрация сертификатов» (certificate registration) page.',
          'Wait until the request is processed and log in again; if the status does not change, contact B2B-Center support.',
        ],
      },
    },
    'cert-issuer-not-accredited': {
      mode: 'replace',
      steps: {
        ru: [
          'B2B-Center принимает сертификаты только от УЦ, аккредитованных в системе B2B-Center: уточните у своего УЦ, аккредитован ли он там.',
          'Проверьте, что в сертификате есть политика применения электронной подписи в Системе B2B-Center: её вносит УЦ при выпуске (обычно по отдельному тарифу или дополнению).',
          'Если чего-то нет, закажите у аккредитованного УЦ сертификат с этой политикой: настройка компьютера здесь не поможет.',
          'Установите корневой сертификат этого УЦ в «Доверенные корневые центры сертификации» и зарегистрируйте новый сертификат в личном кабинете.',
        ],
        en: [
          'B2B-Center accepts certificates only from CAs accredited in the B2B-Center system: ask your CA whether it is accredited there.',
          'Check that the certificate contains the policy for using electronic signatures in the B2B-Center System: the CA adds it when issuing (usually as a separate tariff or add-on).',
          'If either is missing, order a certificate with this policy from an accredited CA: changing the computer setup will not help here.',
          'Install that CA\'s root certificate into «Доверенные корневые центры сертификации» (Trusted Root Certification Authorities) and register the new certificate in your personal account.',
        ],
      },
    },
    'platform-mchd-required': {
      mode: 'replace',
      steps: {
        ru: [
          'Проверьте, чей это сертификат: с 01.09.2024 сотрудник (не руководитель), который подписывает за организацию или ИП сертификатом физического лица, должен подписывать вместе с машиночитаемой доверенностью (МЧД).',
          'Попросите руководителя выпустить МЧД (для закупок по 223-ФЗ — в личном кабинете ЕИС) на вас или на администратора организации с правом передоверия.',
          'Загрузите или выберите МЧД на площадке, если в личном кабинете есть раздел доверенностей, и подпишите документ снова; если такого раздела нет, уточните порядок в поддержке B2B-Center.',
        ],
        en: [
          'Check whose certificate this is: since 01.09.2024 an employee (not the head) who signs for an organisation or a sole proprietor with a personal certificate must sign together with a machine-readable power of attorney (MChD).',
          'Ask the head of the organisation to issue the MChD (for 223-FZ procurement — in the EIS personal account) to you or to the organisation administrator with the right to delegate.',
          'Upload or select the MChD on the platform if your personal account has a power-of-attorney section, then sign again; if there is no such section, ask B2B-Center support how to proceed.',
        ],
      },
    },
    'plugin-site-access-denied': {
      mode: 'replace',
      steps: {
        ru: [
          'Откройте «Настройки КриптоПро ЭЦП Browser Plug-in» (в Windows: «Пуск» → «КРИПТО-ПРО» → «Настройки ЭЦП Browser Plug-in»).',
          'В «Список доверенных узлов» добавьте https://*.b2b-center.ru и сохраните список.',
          'Перезагрузите страницу площадки и в окне «Подтверждение доступа» нажмите «Да».',
        ],
        en: [
          'Open «Настройки КриптоПро ЭЦП Browser Plug-in» (the CryptoPro plug-in settings; on Windows: Start → «КРИПТО-ПРО» → «Настройки ЭЦП Browser Plug-in»).',
          'Add https://*.b2b-center.ru to «Список доверенных узлов» (the trusted sites list) and save the list.',
          'Reload the platform page and answer «Да» (Yes) in the «Подтверждение доступа» (access confirmation) window.',
        ],
      },
    },
    'activex-object-failed': {
      mode: 'after',
      steps: {
        ru: ['Если вы всё же работаете в Internet Explorer, добавьте https://b2b-center.ru в «Надежные узлы» и разрешите для этой зоны элементы ActiveX.'],
        en: ['If you still work in Internet Explorer, add https://b2b-center.ru to «Надежные узлы» (Trusted sites) and allow ActiveX controls for that zone.'],
      },
    },
  },
  links: [],
  testUrls: ['https://www.b2b-center.ru/', 'https://www.b2b-center.ru/personal/', 'https://market.b2b-center.ru/'],
};
