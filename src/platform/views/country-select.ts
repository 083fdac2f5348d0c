import { countryOptions } from '../countries.js';
import { type RenderedOptions, renderOptions } from './form.js';

/** Keyed by countryOptions' cached list, so the HTML goes when that list is dropped. */
const rendered = new WeakMap<object, RenderedOptions>();

/**
 * The countries `codes` as select options sorted by name in the locale, rendered once per locale
 * and list of codes (the shipping destinations change when staff change the settings).
 */
export function countrySelectOptions(codes: readonly string[], locale: string): RenderedOptions {
  const sorted = countryOptions(codes, locale);
  let options = rendered.get(sorted);
  if (!options) {
    options = renderOptions(sorted.map((c) => ({ value: c.code, label: c.name })));
    rendered.set(sorted, options);
  }
  return options;
}
