// Helpers shared by the locale files (web/i18n/{kk,ru,en}.mjs).

/** 2023-02-20 -> 20.02.2023 (the form used in the orders themselves). */
export function kzpDate(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(iso ?? ''));
  return m ? `${m[3]}.${m[2]}.${m[1]}` : String(iso ?? '');
}
