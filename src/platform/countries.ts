/**
 * The one country table: ISO 3166-1 alpha-2 code, English and Spanish name, and an approximate
 * centroid (latitude, longitude). Shipping destinations, restricted countries, order and repair
 * center addresses all use these codes, so every code a shop has stored can be named.
 *
 * Names are CLDR's (what Intl.DisplayNames gave when the table was written) kept here so that pages
 * do not depend on the ICU data of the Node build, and a lookup is a Map read instead of an
 * Intl.DisplayNames call (slow enough to show in profiles of the order form, #7). Centroids are
 * approximate: they only order repair centers by distance when a place has no coordinates.
 */
export const countryRows = [
  ['AD', 'Andorra', 'Andorra', 42.55, 1.6],
  ['AE', 'United Arab Emirates', 'Emiratos Árabes Unidos', 23.42, 53.85],
  ['AF', 'Afghanistan', 'Afganistán', 33.94, 67.71],
  ['AG', 'Antigua & Barbuda', 'Antigua y Barbuda', 17.06, -61.8],
  ['AI', 'Anguilla', 'Anguila', 18.22, -63.07],
  ['AL', 'Albania', 'Albania', 41.15, 20.17],
  ['AM', 'Armenia', 'Armenia', 40.07, 45.04],
  ['AO', 'Angola', 'Angola', -11.2, 17.87],
  ['AQ', 'Antarctica', 'Antártida', -75.25, -0.07],
  ['AR', 'Argentina', 'Argentina', -38.42, -63.62],
  ['AS', 'American Samoa', 'Samoa Americana', -14.27, -170.13],
  ['AT', 'Austria', 'Austria', 47.52, 14.55],
  ['AU', 'Australia', 'Australia', -25.27, 133.78],
  ['AW', 'Aruba', 'Aruba', 12.52, -69.97],
  ['AX', 'Åland Islands', 'Islas Aland', 60.18, 19.92],
  ['AZ', 'Azerbaijan', 'Azerbaiyán', 40.14, 47.58],
  ['BA', 'Bosnia & Herzegovina', 'Bosnia y Herzegovina', 43.92, 17.68],
  ['BB', 'Barbados', 'Barbados', 13.19, -59.54],
  ['BD', 'Bangladesh', 'Bangladés', 23.68, 90.36],
  ['BE', 'Belgium', 'Bélgica', 50.5, 4.47],
  ['BF', 'Burkina Faso', 'Burkina Faso', 12.24, -1.56],
  ['BG', 'Bulgaria', 'Bulgaria', 42.73, 25.49],
  ['BH', 'Bahrain', 'Baréin', 25.93, 50.64],
  ['BI', 'Burundi', 'Burundi', -3.37, 29.92],
  ['BJ', 'Benin', 'Benín', 9.31, 2.32],
  ['BL', 'St. Barthélemy', 'San Bartolomé', 17.9, -62.83],
  ['BM', 'Bermuda', 'Bermudas', 32.32, -64.76],
  ['BN', 'Brunei', 'Brunéi', 4.54, 114.73],
  ['BO', 'Bolivia', 'Bolivia', -16.29, -63.59],
  ['BQ', 'Caribbean Netherlands', 'Caribe neerlandés', 12.18, -68.24],
  ['BR', 'Brazil', 'Brasil', -14.24, -51.93],
  ['BS', 'Bahamas', 'Bahamas', 25.03, -77.4],
  ['BT', 'Bhutan', 'Bután', 27.51, 90.43],
  ['BV', 'Bouvet Island', 'Isla Bouvet', -54.42, 3.41],
  ['BW', 'Botswana', 'Botsuana', -22.33, 24.68],
  ['BY', 'Belarus', 'Bielorrusia', 53.71, 27.95],
  ['BZ', 'Belize', 'Belice', 17.19, -88.5],
  ['CA', 'Canada', 'Canadá', 56.13, -106.35],
  ['CC', 'Cocos (Keeling) Islands', 'Islas Cocos', -12.16, 96.87],
  ['CD', 'Congo - Kinshasa', 'República Democrática del Congo', -4.04, 21.76],
  ['CF', 'Central African Republic', 'República Centroafricana', 6.61, 20.94],
  ['CG', 'Congo - Brazzaville', 'Congo', -0.23, 15.83],
  ['CH', 'Switzerland', 'Suiza', 46.82, 8.23],
  ['CI', 'Côte d’Ivoire', 'Côte d’Ivoire', 7.54, -5.55],
  ['CK', 'Cook Islands', 'Islas Cook', -21.24, -159.78],
  ['CL', 'Chile', 'Chile', -35.68, -71.54],
  ['CM', 'Cameroon', 'Camerún', 7.37, 12.35],
  ['CN', 'China', 'China', 35.86, 104.2],
  ['CO', 'Colombia', 'Colombia', 4.57, -74.3],
  ['CR', 'Costa Rica', 'Costa Rica', 9.75, -83.75],
  ['CU', 'Cuba', 'Cuba', 21.52, -77.78],
  ['CV', 'Cape Verde', 'Cabo Verde', 16, -24.01],
  ['CW', 'Curaçao', 'Curazao', 12.17, -68.99],
  ['CX', 'Christmas Island', 'Isla de Navidad', -10.45, 105.69],
  ['CY', 'Cyprus', 'Chipre', 35.13, 33.43],
  ['CZ', 'Czechia', 'Chequia', 49.82, 15.47],
  ['DE', 'Germany', 'Alemania', 51.17, 10.45],
  ['DJ', 'Djibouti', 'Yibuti', 11.83, 42.59],
  ['DK', 'Denmark', 'Dinamarca', 56.26, 9.5],
  ['DM', 'Dominica', 'Dominica', 15.41, -61.37],
  ['DO', 'Dominican Republic', 'República Dominicana', 18.74, -70.16],
  ['DZ', 'Algeria', 'Argelia', 28.03, 1.66],
  ['EC', 'Ecuador', 'Ecuador', -1.83, -78.18],
  ['EE', 'Estonia', 'Estonia', 58.6, 25.01],
  ['EG', 'Egypt', 'Egipto', 26.82, 30.8],
  ['EH', 'Western Sahara', 'Sáhara Occidental', 24.22, -12.89],
  ['ER', 'Eritrea', 'Eritrea', 15.18, 39.78],
  ['ES', 'Spain', 'España', 40.46, -3.75],
  ['ET', 'Ethiopia', 'Etiopía', 9.15, 40.49],
  ['FI', 'Finland', 'Finlandia', 61.92, 25.75],
  ['FJ', 'Fiji', 'Fiyi', -16.58, 179.41],
  ['FK', 'Falkland Islands', 'Islas Malvinas', -51.8, -59.52],
  ['FM', 'Micronesia', 'Micronesia', 7.43, 150.55],
  ['FO', 'Faroe Islands', 'Islas Feroe', 61.89, -6.91],
  ['FR', 'France', 'Francia', 46.23, 2.21],
  ['GA', 'Gabon', 'Gabón', -0.8, 11.61],
  ['GB', 'United Kingdom', 'Reino Unido', 55.38, -3.44],
  ['GD', 'Grenada', 'Granada', 12.26, -61.6],
  ['GE', 'Georgia', 'Georgia', 42.32, 43.36],
  ['GF', 'French Guiana', 'Guayana Francesa', 3.93, -53.13],
  ['GG', 'Guernsey', 'Guernesey', 49.47, -2.59],
  ['GH', 'Ghana', 'Ghana', 7.95, -1.02],
  ['GI', 'Gibraltar', 'Gibraltar', 36.14, -5.35],
  ['GL', 'Greenland', 'Groenlandia', 71.71, -42.6],
  ['GM', 'Gambia', 'Gambia', 13.44, -15.31],
  ['GN', 'Guinea', 'Guinea', 9.95, -9.7],
  ['GP', 'Guadeloupe', 'Guadalupe', 16.99, -62.07],
  ['GQ', 'Equatorial Guinea', 'Guinea Ecuatorial', 1.65, 10.27],
  ['GR', 'Greece', 'Grecia', 39.07, 21.82],
  ['GS', 'South Georgia & South Sandwich Islands', 'Islas Georgia del Sur y Sandwich del Sur', -54.43, -36.59],
  ['GT', 'Guatemala', 'Guatemala', 15.78, -90.23],
  ['GU', 'Guam', 'Guam', 13.44, 144.79],
  ['GW', 'Guinea-Bissau', 'Guinea-Bisáu', 11.8, -15.18],
  ['GY', 'Guyana', 'Guyana', 4.86, -58.93],
  ['HK', 'Hong Kong SAR China', 'RAE de Hong Kong (China)', 22.4, 114.11],
  ['HM', 'Heard & McDonald Islands', 'Islas Heard y McDonald', -53.08, 73.5],
  ['HN', 'Honduras', 'Honduras', 15.2, -86.24],
  ['HR', 'Croatia', 'Croacia', 45.1, 15.2],
  ['HT', 'Haiti', 'Haití', 18.97, -72.29],
  ['HU', 'Hungary', 'Hungría', 47.16, 19.5],
  ['ID', 'Indonesia', 'Indonesia', -0.79, 113.92],
  ['IE', 'Ireland', 'Irlanda', 53.41, -8.24],
  ['IL', 'Israel', 'Israel', 31.05, 34.85],
  ['IM', 'Isle of Man', 'Isla de Man', 54.24, -4.55],
  ['IN', 'India', 'India', 20.59, 78.96],
  ['IO', 'British Indian Ocean Territory', 'Territorio Británico del Océano Índico', -6.34, 71.88],
  ['IQ', 'Iraq', 'Irak', 33.22, 43.68],
  ['IR', 'Iran', 'Irán', 32.43, 53.69],
  ['IS', 'Iceland', 'Islandia', 64.96, -19.02],
  ['IT', 'Italy', 'Italia', 41.87, 12.57],
  ['JE', 'Jersey', 'Jersey', 49.21, -2.13],
  ['JM', 'Jamaica', 'Jamaica', 18.11, -77.3],
  ['JO', 'Jordan', 'Jordania', 30.59, 36.24],
  ['JP', 'Japan', 'Japón', 36.2, 138.25],
  ['KE', 'Kenya', 'Kenia', -0.02, 37.91],
  ['KG', 'Kyrgyzstan', 'Kirguistán', 41.2, 74.77],
  ['KH', 'Cambodia', 'Camboya', 12.57, 104.99],
  ['KI', 'Kiribati', 'Kiribati', -3.37, -168.73],
  ['KM', 'Comoros', 'Comoras', -11.88, 43.87],
  ['KN', 'St. Kitts & Nevis', 'San Cristóbal y Nieves', 17.36, -62.78],
  ['KP', 'North Korea', 'Corea del Norte', 40.34, 127.51],
  ['KR', 'South Korea', 'Corea del Sur', 35.91, 127.77],
  ['KW', 'Kuwait', 'Kuwait', 29.31, 47.48],
  ['KY', 'Cayman Islands', 'Islas Caimán', 19.51, -80.57],
  ['KZ', 'Kazakhstan', 'Kazajistán', 48.02, 66.92],
  ['LA', 'Laos', 'Laos', 19.86, 102.5],
  ['LB', 'Lebanon', 'Líbano', 33.85, 35.86],
  ['LC', 'St. Lucia', 'Santa Lucía', 13.91, -60.98],
  ['LI', 'Liechtenstein', 'Liechtenstein', 47.17, 9.56],
  ['LK', 'Sri Lanka', 'Sri Lanka', 7.87, 80.77],
  ['LR', 'Liberia', 'Liberia', 6.43, -9.43],
  ['LS', 'Lesotho', 'Lesoto', -29.61, 28.23],
  ['LT', 'Lithuania', 'Lituania', 55.17, 23.88],
  ['LU', 'Luxembourg', 'Luxemburgo', 49.82, 6.13],
  ['LV', 'Latvia', 'Letonia', 56.88, 24.6],
  ['LY', 'Libya', 'Libia', 26.34, 17.23],
  ['MA', 'Morocco', 'Marruecos', 31.79, -7.09],
  ['MC', 'Monaco', 'Mónaco', 43.75, 7.41],
  ['MD', 'Moldova', 'Moldavia', 47.41, 28.37],
  ['ME', 'Montenegro', 'Montenegro', 42.71, 19.37],
  ['MF', 'St. Martin', 'San Martín', 18.08, -63.05],
  ['MG', 'Madagascar', 'Madagascar', -18.77, 46.87],
  ['MH', 'Marshall Islands', 'Islas Marshall', 7.13, 171.18],
  ['MK', 'North Macedonia', 'Macedonia del Norte', 41.61, 21.75],
  ['ML', 'Mali', 'Mali', 17.57, -4],
  ['MM', 'Myanmar (Burma)', 'Myanmar (Birmania)', 21.91, 95.96],
  ['MN', 'Mongolia', 'Mongolia', 46.86, 103.85],
  ['MO', 'Macao SAR China', 'RAE de Macao (China)', 22.2, 113.54],
  ['MP', 'Northern Mariana Islands', 'Islas Marianas del Norte', 17.33, 145.38],
  ['MQ', 'Martinique', 'Martinica', 14.64, -61.02],
  ['MR', 'Mauritania', 'Mauritania', 21.01, -10.94],
  ['MS', 'Montserrat', 'Montserrat', 16.74, -62.19],
  ['MT', 'Malta', 'Malta', 35.94, 14.38],
  ['MU', 'Mauritius', 'Mauricio', -20.35, 57.55],
  ['MV', 'Maldives', 'Maldivas', 3.2, 73.22],
  ['MW', 'Malawi', 'Malaui', -13.25, 34.3],
  ['MX', 'Mexico', 'México', 23.63, -102.55],
  ['MY', 'Malaysia', 'Malasia', 4.21, 101.98],
  ['MZ', 'Mozambique', 'Mozambique', -18.67, 35.53],
  ['NA', 'Namibia', 'Namibia', -22.96, 18.49],
  ['NC', 'New Caledonia', 'Nueva Caledonia', -20.9, 165.62],
  ['NE', 'Niger', 'Níger', 17.61, 8.08],
  ['NF', 'Norfolk Island', 'Isla Norfolk', -29.04, 167.95],
  ['NG', 'Nigeria', 'Nigeria', 9.08, 8.68],
  ['NI', 'Nicaragua', 'Nicaragua', 12.87, -85.21],
  ['NL', 'Netherlands', 'Países Bajos', 52.13, 5.29],
  ['NO', 'Norway', 'Noruega', 60.47, 8.47],
  ['NP', 'Nepal', 'Nepal', 28.39, 84.12],
  ['NR', 'Nauru', 'Nauru', -0.52, 166.93],
  ['NU', 'Niue', 'Niue', -19.05, -169.87],
  ['NZ', 'New Zealand', 'Nueva Zelanda', -40.9, 174.89],
  ['OM', 'Oman', 'Omán', 21.51, 55.92],
  ['PA', 'Panama', 'Panamá', 8.54, -80.78],
  ['PE', 'Peru', 'Perú', -9.19, -75.02],
  ['PF', 'French Polynesia', 'Polinesia Francesa', -17.68, -149.41],
  ['PG', 'Papua New Guinea', 'Papúa Nueva Guinea', -6.31, 143.96],
  ['PH', 'Philippines', 'Filipinas', 12.88, 121.77],
  ['PK', 'Pakistan', 'Pakistán', 30.38, 69.35],
  ['PL', 'Poland', 'Polonia', 51.92, 19.15],
  ['PM', 'St. Pierre & Miquelon', 'San Pedro y Miquelón', 46.94, -56.27],
  ['PN', 'Pitcairn Islands', 'Islas Pitcairn', -24.7, -127.44],
  ['PR', 'Puerto Rico', 'Puerto Rico', 18.22, -66.59],
  ['PS', 'Palestinian Territories', 'Territorios Palestinos', 31.95, 35.23],
  ['PT', 'Portugal', 'Portugal', 39.4, -8.22],
  ['PW', 'Palau', 'Palaos', 7.51, 134.58],
  ['PY', 'Paraguay', 'Paraguay', -23.44, -58.44],
  ['QA', 'Qatar', 'Catar', 25.35, 51.18],
  ['RE', 'Réunion', 'Reunión', -21.12, 55.54],
  ['RO', 'Romania', 'Rumanía', 45.94, 24.97],
  ['RS', 'Serbia', 'Serbia', 44.02, 21.01],
  ['RU', 'Russia', 'Rusia', 61.52, 105.32],
  ['RW', 'Rwanda', 'Ruanda', -1.94, 29.87],
  ['SA', 'Saudi Arabia', 'Arabia Saudí', 23.89, 45.08],
  ['SB', 'Solomon Islands', 'Islas Salomón', -9.65, 160.16],
  ['SC', 'Seychelles', 'Seychelles', -4.68, 55.49],
  ['SD', 'Sudan', 'Sudán', 12.86, 30.22],
  ['SE', 'Sweden', 'Suecia', 60.13, 18.64],
  ['SG', 'Singapore', 'Singapur', 1.35, 103.82],
  ['SH', 'St. Helena', 'Santa Elena', -24.14, -10.03],
  ['SI', 'Slovenia', 'Eslovenia', 46.15, 14.99],
  ['SJ', 'Svalbard & Jan Mayen', 'Svalbard y Jan Mayen', 77.55, 23.67],
  ['SK', 'Slovakia', 'Eslovaquia', 48.67, 19.7],
  ['SL', 'Sierra Leone', 'Sierra Leona', 8.46, -11.78],
  ['SM', 'San Marino', 'San Marino', 43.94, 12.46],
  ['SN', 'Senegal', 'Senegal', 14.5, -14.45],
  ['SO', 'Somalia', 'Somalia', 5.15, 46.2],
  ['SR', 'Suriname', 'Surinam', 3.92, -56.03],
  ['SS', 'South Sudan', 'Sudán del Sur', 6.88, 31.31],
  ['ST', 'São Tomé & Príncipe', 'Santo Tomé y Príncipe', 0.19, 6.61],
  ['SV', 'El Salvador', 'El Salvador', 13.79, -88.9],
  ['SX', 'Sint Maarten', 'Sint Maarten', 18.04, -63.07],
  ['SY', 'Syria', 'Siria', 34.8, 38.99],
  ['SZ', 'Eswatini', 'Esuatini', -26.52, 31.47],
  ['TC', 'Turks & Caicos Islands', 'Islas Turcas y Caicos', 21.69, -71.8],
  ['TD', 'Chad', 'Chad', 15.45, 18.73],
  ['TF', 'French Southern Territories', 'Territorios Australes Franceses', -49.28, 69.35],
  ['TG', 'Togo', 'Togo', 8.62, 0.82],
  ['TH', 'Thailand', 'Tailandia', 15.87, 100.99],
  ['TJ', 'Tajikistan', 'Tayikistán', 38.86, 71.28],
  ['TK', 'Tokelau', 'Tokelau', -8.97, -171.86],
  ['TL', 'Timor-Leste', 'Timor-Leste', -8.87, 125.73],
  ['TM', 'Turkmenistan', 'Turkmenistán', 38.97, 59.56],
  ['TN', 'Tunisia', 'Túnez', 33.89, 9.54],
  ['TO', 'Tonga', 'Tonga', -21.18, -175.2],
  ['TR', 'Türkiye', 'Turquía', 38.96, 35.24],
  ['TT', 'Trinidad & Tobago', 'Trinidad y Tobago', 10.69, -61.22],
  ['TV', 'Tuvalu', 'Tuvalu', -7.11, 177.65],
  ['TW', 'Taiwan', 'Taiwán', 23.7, 120.96],
  ['TZ', 'Tanzania', 'Tanzania', -6.37, 34.89],
  ['UA', 'Ukraine', 'Ucrania', 48.38, 31.17],
  ['UG', 'Uganda', 'Uganda', 1.37, 32.29],
  ['UM', 'U.S. Outlying Islands', 'Islas menores alejadas de EE. UU.', 19.28, 166.65],
  ['US', 'United States', 'Estados Unidos', 37.09, -95.71],
  ['UY', 'Uruguay', 'Uruguay', -32.52, -55.77],
  ['UZ', 'Uzbekistan', 'Uzbekistán', 41.38, 64.59],
  ['VA', 'Vatican City', 'Ciudad del Vaticano', 41.9, 12.45],
  ['VC', 'St. Vincent & Grenadines', 'San Vicente y las Granadinas', 12.98, -61.29],
  ['VE', 'Venezuela', 'Venezuela', 6.42, -66.59],
  ['VG', 'British Virgin Islands', 'Islas Vírgenes Británicas', 18.42, -64.64],
  ['VI', 'U.S. Virgin Islands', 'Islas Vírgenes de EE. UU.', 18.34, -64.9],
  ['VN', 'Vietnam', 'Vietnam', 14.06, 108.28],
  ['VU', 'Vanuatu', 'Vanuatu', -15.38, 166.96],
  ['WF', 'Wallis & Futuna', 'Wallis y Futuna', -13.77, -177.16],
  ['WS', 'Samoa', 'Samoa', -13.76, -172.1],
  ['XK', 'Kosovo', 'Kosovo', 42.6, 20.9],
  ['YE', 'Yemen', 'Yemen', 15.55, 48.52],
  ['YT', 'Mayotte', 'Mayotte', -12.83, 45.17],
  ['ZA', 'South Africa', 'Sudáfrica', -30.56, 22.94],
  ['ZM', 'Zambia', 'Zambia', -13.13, 27.85],
  ['ZW', 'Zimbabwe', 'Zimbabue', -19.02, 29.15],
] as const satisfies readonly (readonly [code: string, en: string, es: string, lat: number, lng: number])[];

export type CountryCode = (typeof countryRows)[number][0];

export interface Country {
  code: CountryCode;
  name: { en: string; es: string };
  lat: number;
  lng: number;
}

export const countryCodes = countryRows.map((r) => r[0]) as [CountryCode, ...CountryCode[]];

export const countries: ReadonlyMap<string, Country> = new Map(
  countryRows.map(([code, en, es, lat, lng]) => [code, { code, name: { en, es }, lat, lng }]),
);

export const isCountryCode = (v: string): v is CountryCode => countries.has(v);

/** The country's name in the reader's language (English for any other); an unknown code shows as itself. */
export function countryName(code: string, locale: string): string {
  const name = countries.get(code)?.name;
  if (!name) return code;
  return locale === 'es' ? name.es : name.en;
}

/**
 * Countries as select options, sorted by name in the locale. Every cart page view shows
 * ~240 of them: sorting with localeCompare cost more than the rest of the page, so the
 * sorted list is kept per locale and list of codes (staff change the destinations rarely).
 * The same list object (the cached settings' destinations, countryCodes) is found by identity:
 * joining and hashing ~240 codes for the key costs ~15 µs a call (#18). Lists are not changed
 * in place once shown.
 */
const sortedOptions = new Map<string, { code: string; name: string }[]>();
const byList = new WeakMap<readonly string[], Map<string, { code: string; name: string }[]>>();

export function countryOptions(codes: readonly string[], locale: string) {
  const known = byList.get(codes)?.get(locale);
  if (known) return known;
  const key = `${locale}:${codes.join(',')}`;
  let options = sortedOptions.get(key);
  if (!options) {
    const collator = new Intl.Collator(locale);
    options = codes
      .map((code) => ({ code, name: countryName(code, locale) }))
      .sort((a, b) => collator.compare(a.name, b.name));
    if (sortedOptions.size >= 16) sortedOptions.clear(); // a few locales × the current lists; old lists go
    sortedOptions.set(key, options);
  }
  const perLocale = byList.get(codes) ?? new Map();
  perLocale.set(locale, options);
  byList.set(codes, perLocale);
  return options;
}
