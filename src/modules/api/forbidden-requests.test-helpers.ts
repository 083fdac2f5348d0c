import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import type { OpenAPIV3_1 } from 'openapi-types';

/**
 * Requests an operation's schemas forbid, generated with fast-check from the OpenAPI document:
 * an unknown property, a property of another type, a number out of range or not whole, a
 * string too long or too short, outside its enum or pattern, a malformed path or query
 * parameter. Every candidate is checked against the document's own schema (ajv) before it is
 * sent, so the API must refuse exactly what the document says it refuses.
 */
type Schema = OpenAPIV3_1.SchemaObject & { const?: unknown; exclusiveMinimum?: number; exclusiveMaximum?: number };

/** No whitespace (a schema that trims would accept a padded value) and no dot-only segments. */
const chars = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_!$*~'.split(''));
const word = (minLength: number, maxLength: number) => fc.string({ unit: chars, minLength, maxLength });
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_GENERATED_LENGTH = 10_000;

export function forbiddenRequests(doc: OpenAPIV3_1.Document) {
  const bodyAjv = new Ajv2020({ strict: false, validateFormats: false });
  const textAjv = new Ajv2020({ strict: false, validateFormats: false, coerceTypes: true });
  for (const a of [bodyAjv, textAjv]) a.addSchema({ $id: 'doc', components: doc.components } as never);
  const compiled = new Map<string, ValidateFunction>();
  /** Whether `value`, as it travels (JSON, or text for path and query), fits `schema`. */
  const fits = (schema: Schema, value: unknown, asText: boolean) => {
    const wrapped = { type: 'object', properties: { v: schema }, required: ['v'] };
    const key = `${asText}${JSON.stringify(wrapped)}`;
    let validate = compiled.get(key);
    if (!validate) {
      validate = (asText ? textAjv : bodyAjv).compile(
        JSON.parse(JSON.stringify(wrapped).replaceAll('"#/components', '"doc#/components')),
      );
      compiled.set(key, validate);
    }
    return validate({ v: asText ? value : JSON.parse(JSON.stringify(value)) });
  };
  const resolve = (s: Schema | OpenAPIV3_1.ReferenceObject): Schema =>
    '$ref' in s ? resolve(doc.components!.schemas![s.$ref.split('/').at(-1)!] as Schema) : s;

  /** Values of the JSON types the schema does not take. */
  const otherType = fc.oneof(
    fc.integer({ min: -1000, max: 1000 }),
    fc.double({ min: -1e6, max: 1e6, noNaN: true }),
    fc.boolean(),
    word(0, 8),
    fc.constant(null),
    fc.array(fc.integer(), { maxLength: 2 }),
    fc.dictionary(word(1, 4), fc.integer(), { maxKeys: 1 }),
  );

  /** Candidates that break one rule of `s`; each is checked against the schema afterwards. */
  function breaking(raw: Schema | OpenAPIV3_1.ReferenceObject, asText: boolean): fc.Arbitrary<unknown>[] {
    const s = resolve(raw);
    const out: fc.Arbitrary<unknown>[] = asText ? [word(1, 12)] : [otherType];
    for (const branch of s.anyOf ?? []) out.push(...breaking(branch as Schema, asText));
    const textual = (a: fc.Arbitrary<number>) => (asText ? a.map(String) : a);
    if (s.type === 'integer' || s.type === 'number') {
      const low = s.minimum ?? s.exclusiveMinimum;
      const high = s.maximum ?? s.exclusiveMaximum;
      if (low !== undefined) out.push(textual(fc.integer({ min: Math.max(low - 1000, -(2 ** 40)), max: low })));
      if (high !== undefined && high < Number.MAX_SAFE_INTEGER)
        out.push(textual(fc.integer({ min: high, max: high + 1000 })));
      if (s.type === 'integer')
        out.push(textual(fc.double({ min: 1, max: 1e6, noNaN: true }).filter((d) => !Number.isInteger(d))));
    }
    if (s.type === 'string') {
      if (s.maxLength !== undefined && s.maxLength < MAX_GENERATED_LENGTH)
        out.push(word(s.maxLength + 1, s.maxLength + 8));
      if (s.minLength && (!asText || s.minLength > 1)) out.push(word(asText ? 1 : 0, s.minLength - 1));
      if (s.pattern || s.enum || s.const !== undefined) out.push(word(1, 16));
    }
    if (s.type === 'array' && s.items && !asText)
      out.push(fc.oneof(...breaking(s.items as Schema, false)).map((v) => [v]));
    if (s.type === 'object' && s.properties && !asText) out.push(forbiddenBody(s, {}));
    return out;
  }

  const breaks = (s: Schema, asText: boolean) =>
    fc.oneof(...breaking(s, asText)).filter((v) => (asText ? v !== '' : true) && !fits(s, v, asText));

  /** A valid body with one property added, or one property made invalid. */
  function forbiddenBody(raw: Schema, body: Record<string, unknown>): fc.Arbitrary<Record<string, unknown>> {
    const s = resolve(raw);
    const props = Object.entries(s.properties ?? {}) as [string, Schema][];
    const extra = word(1, 12)
      .filter((k) => !(k in (s.properties ?? {})) && !FORBIDDEN_KEYS.has(k))
      .chain((k) => fc.jsonValue({ maxDepth: 1 }).map((v) => ({ ...body, [k]: v })));
    const changed = props.map(([name, p]) => breaks(p, false).map((v) => ({ ...body, [name]: v })));
    return fc.oneof(extra, ...changed).filter((b) => !fits(s, b, false));
  }

  /** A text parameter (path or query) that its schema refuses. */
  const forbiddenText = (s: Schema) => breaks(s, true) as fc.Arbitrary<string>;

  return { forbiddenBody, forbiddenText };
}
