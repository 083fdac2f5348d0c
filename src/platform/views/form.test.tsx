import { describe, expect, it } from 'vitest';
import { countryCodes, countryOptions } from '../countries.js';
import type { PageContext } from '../http/page-context.js';
import { i18n, locales } from '../i18n/index.js';
import { countrySelectOptions } from './country-select.js';
import { renderOptions, SelectField, type SelectOption, selectRendered } from './form.js';

const ctx = { i18n: i18n('en'), t: i18n('en').t } as PageContext;

/** The same select rendered option by option and from rendered options. */
const both = (options: readonly SelectOption[], value: string, placeholder?: string) =>
  [options, renderOptions(options)].map((o) =>
    String(SelectField({ ctx, name: 'x', label: 'X', options: o, value, placeholder, required: true })),
  );

const hostile: SelectOption[] = [
  { value: 'a"b', label: '<script>alert(1)</script>' },
  { value: 'plain', label: 'Fish & Chips' },
  { value: "it's", label: '"quoted"' },
];

describe('rendered select options', () => {
  it('give the same select as rendering each option, for every value and none', () => {
    for (const value of [...hostile.map((o) => o.value), '', 'missing']) {
      const [each, rendered] = both(hostile, value, 'Choose…');
      expect(rendered).toBe(each);
    }
  });

  it('mark the chosen option selected, and only that one', () => {
    const html = selectRendered(renderOptions(hostile), 'plain');
    expect(html.match(/selected/g)).toHaveLength(1);
    expect(html).toContain('<option value="plain" selected>Fish &amp; Chips</option>');
  });

  it('escape labels and values from users', () => {
    const html = selectRendered(renderOptions(hostile), 'a"b');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script>alert(1)&lt;/script>');
    expect(html).not.toContain('value="a"b"');
    expect(html).toContain('&#34;quoted&#34;');
  });

  it('mark a value listed twice twice, as rendering each option does', () => {
    const twice = [...hostile, { value: 'plain', label: 'again' }];
    const [each, rendered] = both(twice, 'plain');
    expect(rendered).toBe(each);
    expect(rendered?.match(/selected/g)).toHaveLength(2);
  });

  it('are the same string every time: nothing left selected from an earlier page', () => {
    const options = renderOptions(hostile);
    selectRendered(options, 'plain');
    expect(selectRendered(options, '')).not.toContain('selected');
  });
});

describe.each(locales)('country select options (%s)', (locale) => {
  const sorted = countryOptions(countryCodes, locale).map((c) => ({ value: c.code, label: c.name }));

  it('are the countries sorted by name in the language, the chosen one selected', () => {
    const [each] = both(sorted, 'ES');
    const options = countrySelectOptions(countryCodes, locale);
    const cached = String(SelectField({ ctx, name: 'x', label: 'X', options, value: 'ES', required: true }));
    expect(cached).toBe(each);
    expect(cached).toContain(`<option value="ES" selected>${locale === 'es' ? 'España' : 'Spain'}</option>`);
    expect(cached.match(/selected/g)).toHaveLength(1);
  });

  it('are rendered once per locale and list', () => {
    const list = ['FR', 'DE', 'ES'];
    expect(countrySelectOptions(list, locale)).toBe(countrySelectOptions([...list], locale));
    expect(countrySelectOptions(list, locale)).not.toBe(countrySelectOptions(['FR', 'DE'], locale));
  });
});
