// @ts-check
/**
 * A platform-like page of about 5 MB: a procurement registry with a 10,000-row table, a header, filters
 * and help text that mentions certificates without being an error. Deterministic.
 */
export function bigPage(rows = 10_000) {
  const statuses = ['Подача заявок', 'Работа комиссии', 'Закупка завершена', 'Определение поставщика завершено'];
  const items = ['Поставка медицинских изделий для нужд учреждения', 'Выполнение работ по капитальному ремонту кровли здания', 'Оказание услуг по техническому обслуживанию систем вентиляции', 'Поставка компьютерного оборудования и периферийных устройств'];
  const parts = [];
  for (let i = 0; i < rows; i++) {
    const n = String(373200000124000000 + i * 7919);
    parts.push(
      `<tr class="row" data-id="${i}"><td class="num"><a href="/purchase/${n}">№ 0${n}</a></td>` +
        `<td class="name">${items[i % items.length]}. Лот ${i + 1}. Заказчик: ГБУЗ «Городская больница № ${(i % 97) + 1}», ИНН 77${String(10000000 + i).slice(0, 8)}</td>` +
        `<td class="price">${(1000 + ((i * 7907) % 900000)).toLocaleString('ru-RU')},${String(i % 100).padStart(2, '0')} ₽</td>` +
        `<td class="status"><span class="badge">${statuses[i % statuses.length]}</span></td>` +
        `<td class="date">${String((i % 28) + 1).padStart(2, '0')}.11.2026 10:00 (МСК)</td>` +
        `<td class="code">ИКЗ 2417708000121770801001000${String(i).padStart(5, '0')}244</td></tr>`,
    );
  }
  return `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Реестр закупок</title>
<style>body{font:13px system-ui,sans-serif;margin:0}header{background:#0b3d6e;color:#fff;padding:12px 20px}table{border-collapse:collapse;width:100%}td{border-bottom:1px solid #dde;padding:4px 6px}.badge{background:#eef;padding:1px 6px;border-radius:8px}</style>
</head><body><header><b>Электронная торговая площадка</b> · Личный кабинет участника</header>
<main id="main"><section class="help"><p>Для подачи заявки нужен квалифицированный сертификат электронной подписи, КриптоПро CSP и КриптоПро ЭЦП Browser plug-in. Проверьте срок действия сертификата заранее.</p></section>
<form class="filters"><input name="q" placeholder="Номер извещения"><select><option>Все статусы</option></select></form>
<div id="messages"></div>
<table id="registry"><tbody id="rows">${parts.join('')}</tbody></table></main></body></html>`;
}

/** 1,000 more rows like the page's, for the MutationObserver cost. */
export function extraRowsScript(count = 1000) {
  return `(() => { const body = document.getElementById('rows'); const first = body.firstElementChild; const frag = document.createDocumentFragment();
    for (let i = 0; i < ${count}; i++) { const row = first.cloneNode(true); row.dataset.id = 'extra-' + i; frag.append(row); } body.append(frag); })()`;
}
