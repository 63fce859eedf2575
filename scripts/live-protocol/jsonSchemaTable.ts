import { z } from 'zod';

/** The subset of JSON Schema that z.toJSONSchema emits for the live schemas. */
export interface JsonSchema {
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  format?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  pattern?: string;
}

/** Wire-format JSON Schema: the input side of transforms, without generated regex noise. */
export function wireJsonSchema(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, {
    io: 'input',
    override: ({ jsonSchema }) => {
      const node = jsonSchema as JsonSchema;
      if (node.format === 'date-time') delete node.pattern;
      if (node.maximum === Number.MAX_SAFE_INTEGER) delete node.maximum;
    },
  }) as JsonSchema;
}

export interface FieldRow {
  path: string;
  type: string;
  required: boolean;
  description: string;
}

function alternatives(schema: JsonSchema): JsonSchema[] {
  if (!schema.anyOf) return [schema];
  return schema.anyOf.flatMap(alternatives);
}

function range(schema: JsonSchema): string {
  const { minimum: min, maximum: max } = schema;
  if (min !== undefined && max !== undefined) return ` ${min}–${max}`;
  if (min !== undefined) return ` ≥ ${min}`;
  if (max !== undefined) return ` ≤ ${max}`;
  return '';
}

function describeOne(schema: JsonSchema): string {
  if (schema.const !== undefined) return `\`${JSON.stringify(schema.const)}\``;
  if (schema.enum) return schema.enum.map((value) => `\`${JSON.stringify(value)}\``).join(' \\| ');
  const types = Array.isArray(schema.type) ? schema.type : [schema.type ?? 'any'];
  return types
    .map((type) => {
      if (type === 'array') return `array of ${schema.items ? describeType(schema.items) : 'any'}`;
      if (type === 'string' && schema.format) return `string (${schema.format})`;
      if (type === 'number' || type === 'integer') return `${type}${range(schema)}`;
      return type;
    })
    .join(' \\| ');
}

export function describeType(schema: JsonSchema): string {
  return alternatives(schema).map(describeOne).join(' \\| ');
}

function objectOf(schema: JsonSchema): JsonSchema | null {
  if (schema.properties) return schema;
  if (schema.items?.properties) return schema.items;
  return null;
}

/** One row per field, nested objects flattened to dotted paths (`[]` marks array items). */
export function fieldRows(schema: JsonSchema, prefix = ''): FieldRow[] {
  const rows: FieldRow[] = [];
  const required = new Set(schema.required ?? []);
  for (const [name, field] of Object.entries(schema.properties ?? {})) {
    const path = `${prefix}${name}`;
    rows.push({
      path,
      type: describeType(field),
      required: required.has(name),
      description: field.description ?? '',
    });
    const nested = objectOf(field);
    if (nested) rows.push(...fieldRows(nested, `${path}${field.items ? '[]' : ''}.`));
  }
  return rows;
}

export function fieldTable(schema: JsonSchema): string {
  const header = '| field | type | required | description |\n| --- | --- | --- | --- |';
  const body = fieldRows(schema).map(
    (row) =>
      `| \`${row.path}\` | ${row.type} | ${row.required ? 'yes' : 'no'} | ${row.description.replaceAll('|', '\\|')} |`,
  );
  return [header, ...body].join('\n');
}
