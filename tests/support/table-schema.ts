/**
 * Checks a CSV against its Frictionless Table Schema: parsed with csv-parse (RFC 4180), each cell
 * cast by its field's type as Table Schema defines it (missing values become null), then every row
 * validated by Ajv against a JSON Schema made from the fields' constraints; the header must name
 * the fields in order, and unique fields and the primary key must not repeat.
 */
import { parse } from 'csv-parse/sync';
import { Ajv } from 'ajv';

export interface TableField {
  readonly name: string;
  readonly type: string;
  readonly format?: string;
  readonly constraints?: { required?: boolean; unique?: boolean; enum?: readonly string[]; pattern?: string; minimum?: number };
}

export interface TableSchema {
  readonly fields: readonly TableField[];
  readonly primaryKey?: readonly string[];
  readonly missingValues?: readonly string[];
}

type Value = string | number | boolean | null;

const ajv = new Ajv({ allErrors: true, strict: true });
ajv.addFormat('date', (s: string) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
});
ajv.addFormat('uri', (s: string) => {
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
});

function cast(field: TableField, cell: string): Value | Error {
  switch (field.type) {
    case 'string':
      return cell;
    case 'date':
      return cell;
    case 'integer':
      return /^-?\d+$/.test(cell) ? Number(cell) : new Error(`"${cell}" is not an integer`);
    case 'number':
      return /^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(cell) ? Number(cell) : new Error(`"${cell}" is not a number`);
    case 'boolean':
      if (['true', 'True', 'TRUE', '1'].includes(cell)) return true;
      if (['false', 'False', 'FALSE', '0'].includes(cell)) return false;
      return new Error(`"${cell}" is not a boolean`);
    default:
      return new Error(`type ${field.type} is not supported`);
  }
}

function jsonSchemaOf(schema: TableSchema): object {
  const properties: Record<string, object> = {};
  for (const field of schema.fields) {
    const c = field.constraints ?? {};
    const typed: Record<string, unknown> = {
      type: field.type === 'date' ? 'string' : field.type,
      ...(field.type === 'date' ? { format: 'date' } : {}),
      ...(field.format === 'uri' ? { format: 'uri' } : {}),
      ...(c.enum ? { enum: c.enum } : {}),
      ...(c.pattern ? { pattern: c.pattern } : {}),
      ...(c.minimum !== undefined ? { minimum: c.minimum } : {}),
    };
    properties[field.name] = c.required ? typed : { anyOf: [{ type: 'null' }, typed] };
  }
  return { type: 'object', additionalProperties: false, required: schema.fields.map((f) => f.name), properties };
}

/** Problems of `csv` against `schema`, each naming the line (1 is the header) and the field. */
export function validateCsv(csv: string, schema: TableSchema): string[] {
  const records = parse(csv, { relax_column_count: true }) as string[][];
  const problems: string[] = [];
  const [header, ...rows] = records;
  const names = schema.fields.map((f) => f.name);
  if (!header || header.join(',') !== names.join(',')) return [`line 1: header ${JSON.stringify(header)} is not the fields ${JSON.stringify(names)}`];
  const missing = new Set(schema.missingValues ?? ['']);
  const validate = ajv.compile(jsonSchemaOf(schema));
  const seen = new Map<string, Map<string, number>>();
  rows.forEach((cells, i) => {
    const line = i + 2;
    if (cells.length !== names.length) {
      problems.push(`line ${line}: ${cells.length} cells, expected ${names.length}`);
      return;
    }
    const row: Record<string, Value> = {};
    schema.fields.forEach((field, j) => {
      const cell = cells[j]!;
      const value = missing.has(cell) ? null : cast(field, cell);
      if (value instanceof Error) problems.push(`line ${line}, field ${field.name}: ${value.message}`);
      else row[field.name] = value;
    });
    if (Object.keys(row).length === names.length && !validate(row)) {
      for (const e of validate.errors ?? []) problems.push(`line ${line}, field ${e.instancePath.slice(1) || '(row)'}: ${e.message ?? e.keyword}`);
    }
    const keys = [
      ...schema.fields.filter((f) => f.constraints?.unique).map((f) => [f.name]),
      ...(schema.primaryKey ? [schema.primaryKey] : []),
    ];
    for (const key of new Map(keys.map((k) => [k.join('+'), k])).values()) {
      const id = key.join('+');
      const value = JSON.stringify(key.map((k) => row[k]));
      const at = seen.get(id) ?? new Map<string, number>();
      const first = at.get(value);
      if (first !== undefined) problems.push(`line ${line}: ${id} ${value} repeats line ${first}`);
      else at.set(value, line);
      seen.set(id, at);
    }
  });
  return problems;
}
