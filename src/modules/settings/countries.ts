/** ISO 3166-1 alpha-2 codes; names come from Intl.DisplayNames in the user's language. */
export const countryCodes = [
  'AD', 'AE', 'AF', 'AG', 'AI', 'AL', 'AM', 'AO', 'AQ', 'AR', 'AS', 'AT', 'AU', 'AW', 'AX', 'AZ', 'BA', 'BB', 'BD',
  'BE', 'BF', 'BG', 'BH', 'BI', 'BJ', 'BL', 'BM', 'BN', 'BO', 'BQ', 'BR', 'BS', 'BT', 'BV', 'BW', 'BY', 'BZ', 'CA',
  'CC', 'CD', 'CF', 'CG', 'CH', 'CI', 'CK', 'CL', 'CM', 'CN', 'CO', 'CR', 'CU', 'CV', 'CW', 'CX', 'CY', 'CZ', 'DE',
  'DJ', 'DK', 'DM', 'DO', 'DZ', 'EC', 'EE', 'EG', 'EH', 'ER', 'ES', 'ET', 'FI', 'FJ', 'FK', 'FM', 'FO', 'FR', 'GA',
  'GB', 'GD', 'GE', 'GF', 'GG', 'GH', 'GI', 'GL', 'GM', 'GN', 'GP', 'GQ', 'GR', 'GS', 'GT', 'GU', 'GW', 'GY', 'HK',
  'HM', 'HN', 'HR', 'HT', 'HU', 'ID', 'IE', 'IL', 'IM', 'IN', 'IO', 'IQ', 'IR', 'IS', 'IT', 'JE', 'JM', 'JO', 'JP',
  'KE', 'KG', 'KH', 'KI', 'KM', 'KN', 'KP', 'KR', 'KW', 'KY', 'KZ', 'LA', 'LB', 'LC', 'LI', 'LK', 'LR', 'LS', 'LT',
  'LU', 'LV', 'LY', 'MA', 'MC', 'MD', 'ME', 'MF', 'MG', 'MH', 'MK', 'ML', 'MM', 'MN', 'MO', 'MP', 'MQ', 'MR', 'MS',
  'MT', 'MU', 'MV', 'MW', 'MX', 'MY', 'MZ', 'NA', 'NC', 'NE', 'NF', 'NG', 'NI', 'NL', 'NO', 'NP', 'NR', 'NU', 'NZ',
  'OM', 'PA', 'PE', 'PF', 'PG', 'PH', 'PK', 'PL', 'PM', 'PN', 'PR', 'PS', 'PT', 'PW', 'PY', 'QA', 'RE', 'RO', 'RS',
  'RU', 'RW', 'SA', 'SB', 'SC', 'SD', 'SE', 'SG', 'SH', 'SI', 'SJ', 'SK', 'SL', 'SM', 'SN', 'SO', 'SR', 'SS', 'ST',
  'SV', 'SX', 'SY', 'SZ', 'TC', 'TD', 'TF', 'TG', 'TH', 'TJ', 'TK', 'TL', 'TM', 'TN', 'TO', 'TR', 'TT', 'TV', 'TW',
  'TZ', 'UA', 'UG', 'UM', 'US', 'UY', 'UZ', 'VA', 'VC', 'VE', 'VG', 'VI', 'VN', 'VU', 'WF', 'WS', 'YE', 'YT', 'ZA',
  'ZM', 'ZW',
] as const;

export type CountryCode = (typeof countryCodes)[number];
export const isCountryCode = (v: string): v is CountryCode => (countryCodes as readonly string[]).includes(v);

/** Comprehensively embargoed destinations, excluded from the default shipping list. */
export const embargoedCountries: readonly CountryCode[] = ['CU', 'IR', 'KP', 'SY'];

/** Where crypto mining is banned or restricted (default list; staff maintain it). */
export const defaultCryptoRestricted: readonly CountryCode[] = ['CN', 'DZ', 'BD', 'EG', 'MA', 'NP', 'QA', 'TN', 'IQ', 'MK'];

/** Names per locale: Intl.DisplayNames#of is slow enough to show in profiles of the order form (#7). */
const names = new Map<string, Map<string, string>>();

export function countryName(code: string, locale: string): string {
  let byCode = names.get(locale);
  if (!byCode) {
    const display = new Intl.DisplayNames([locale], { type: 'region' });
    byCode = new Map(countryCodes.map((c) => [c, display.of(c) ?? c]));
    names.set(locale, byCode);
  }
  return byCode.get(code) ?? code;
}

/**
 * The destinations as select options, sorted by name in the locale. Every cart page view
 * shows ~240 of them: sorting with localeCompare cost more than the rest of the page, so
 * the sorted list is kept per locale and destination list (staff change it rarely).
 */
const sortedOptions = new Map<string, { code: string; name: string }[]>();

export function countryOptions(codes: readonly string[], locale: string) {
  const key = `${locale}:${codes.join(',')}`;
  let options = sortedOptions.get(key);
  if (!options) {
    const collator = new Intl.Collator(locale);
    options = codes.map((code) => ({ code, name: countryName(code, locale) })).sort((a, b) => collator.compare(a.name, b.name));
    if (sortedOptions.size >= 16) sortedOptions.clear(); // a few locales × the current list; old lists go
    sortedOptions.set(key, options);
  }
  return options;
}
