import { z } from 'zod';

// The API speaks snake_case (docs/CONTRIBUTING.md, "API"); services keep the names TypeScript code
// uses. A route presents a service's answer through its response schema: every field the schema
// names is taken from the answer under that name or its camelCase twin (`kelas_layanan` ←
// `kelasLayanan`). Only the names the schema declares are renamed, never data used as keys
// (OPD codes, statuses, ids in a record), and fields the schema does not name are left out; the
// serialiser then checks the result against the same schema.

/** `kelas_layanan` → `kelasLayanan` */
export function camel(key: string): string {
  return key.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
}

function ambil(data: Record<string, unknown>, key: string): unknown {
  if (key in data) return data[key];
  return data[camel(key)];
}

function sajikanDengan(schema: z.ZodType, data: unknown): unknown {
  if (data === null || data === undefined) return data;
  // A moment is written as JSON.stringify writes it (ISO 8601, UTC).
  if (data instanceof Date) return data.toISOString();
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable || schema instanceof z.ZodReadonly)
    return sajikanDengan(schema.unwrap() as z.ZodType, data);
  if (schema instanceof z.ZodDefault) return sajikanDengan(schema.unwrap() as z.ZodType, data);
  if (schema instanceof z.ZodLazy) return sajikanDengan(schema.unwrap() as z.ZodType, data);
  if (schema instanceof z.ZodObject) {
    if (typeof data !== 'object' || Array.isArray(data) || data instanceof Date) return data;
    const out: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
      const v = ambil(data as Record<string, unknown>, key);
      if (v !== undefined) out[key] = sajikanDengan(field, v);
    }
    return out;
  }
  if (schema instanceof z.ZodArray) {
    if (!Array.isArray(data)) return data;
    const el = schema.element as z.ZodType;
    return data.map((x) => sajikanDengan(el, x));
  }
  if (schema instanceof z.ZodRecord) {
    if (typeof data !== 'object' || Array.isArray(data)) return data;
    const v = schema.valueType as z.ZodType;
    return Object.fromEntries(Object.entries(data).map(([k, x]) => [k, sajikanDengan(v, x)]));
  }
  if (schema instanceof z.ZodUnion) {
    const options = schema.options as readonly z.ZodType[];
    for (const o of options) {
      const r = sajikanDengan(o, data);
      if (o.safeParse(r).success) return r;
    }
    return data;
  }
  if (schema instanceof z.ZodIntersection) {
    const left = sajikanDengan(schema.def.left as z.ZodType, data);
    const right = sajikanDengan(schema.def.right as z.ZodType, data);
    return typeof left === 'object' && typeof right === 'object' ? { ...left, ...right } : left;
  }
  return data;
}

/**
 * A service's answer in the API's words: the fields `schema` declares, under their snake_case names.
 * The type says what the route promises; the serialiser checks the value against `schema` on the way out.
 */
export function sajikan<S extends z.ZodType>(schema: S, data: unknown): z.output<S> {
  return sajikanDengan(schema, data) as z.output<S>;
}
