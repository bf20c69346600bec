/**
 * A small JSON Schema (2020-12) validator for the keywords our schema uses.
 * It throws on any keyword it does not know, so the schema cannot grow a
 * constraint that the test silently ignores.
 */
type Schema = Record<string, unknown>;

const ANNOTATIONS = new Set([
  '$schema',
  '$id',
  '$defs',
  'title',
  'description',
]);
const KNOWN = new Set([
  ...ANNOTATIONS,
  '$ref',
  'type',
  'const',
  'enum',
  'required',
  'properties',
  'additionalProperties',
  'items',
  'anyOf',
  'minimum',
  'minLength',
]);

export function validateJsonSchema(root: Schema, value: unknown): string[] {
  const errors: string[] = [];
  check(root, root, value, '$', errors);
  return errors;
}

function check(
  root: Schema,
  schema: Schema,
  value: unknown,
  at: string,
  errors: string[],
): void {
  for (const keyword of Object.keys(schema)) {
    if (!KNOWN.has(keyword)) {
      throw new Error(
        `validator does not know the keyword ${keyword} at ${at}`,
      );
    }
  }
  if (typeof schema.$ref === 'string') {
    check(root, resolveRef(root, schema.$ref), value, at, errors);
  }
  if (schema.type !== undefined && !typeMatches(schema.type, value)) {
    errors.push(`${at}: expected ${JSON.stringify(schema.type)}`);
    return;
  }
  if ('const' in schema && schema.const !== value) {
    errors.push(`${at}: expected ${JSON.stringify(schema.const)}`);
  }
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) {
    errors.push(
      `${at}: ${JSON.stringify(value)} not in ${JSON.stringify(schema.enum)}`,
    );
  }
  if (
    typeof schema.minimum === 'number' &&
    typeof value === 'number' &&
    value < schema.minimum
  ) {
    errors.push(`${at}: ${value} is below ${schema.minimum}`);
  }
  if (
    typeof schema.minLength === 'number' &&
    typeof value === 'string' &&
    value.length < schema.minLength
  ) {
    errors.push(`${at}: shorter than ${schema.minLength}`);
  }
  if (Array.isArray(schema.anyOf)) {
    const passes = (schema.anyOf as Schema[]).some(
      (option) => validateAt(root, option, value, at).length === 0,
    );
    if (!passes) {
      errors.push(`${at}: matches no anyOf branch`);
    }
  }
  if (Array.isArray(value) && isSchema(schema.items)) {
    value.forEach((item, i) =>
      check(root, schema.items as Schema, item, `${at}[${i}]`, errors),
    );
  }
  if (isObject(value)) {
    checkObject(root, schema, value, at, errors);
  }
}

function checkObject(
  root: Schema,
  schema: Schema,
  value: Record<string, unknown>,
  at: string,
  errors: string[],
): void {
  const properties = isSchema(schema.properties)
    ? (schema.properties as Record<string, Schema>)
    : {};
  for (const name of Array.isArray(schema.required)
    ? (schema.required as string[])
    : []) {
    if (!(name in value)) {
      errors.push(`${at}: missing ${name}`);
    }
  }
  for (const [name, item] of Object.entries(value)) {
    const property = properties[name];
    if (property) {
      check(root, property, item, `${at}.${name}`, errors);
    } else if (schema.additionalProperties === false) {
      errors.push(`${at}: unexpected property ${name}`);
    } else if (isSchema(schema.additionalProperties)) {
      check(
        root,
        schema.additionalProperties as Schema,
        item,
        `${at}.${name}`,
        errors,
      );
    }
  }
}

function validateAt(
  root: Schema,
  schema: Schema,
  value: unknown,
  at: string,
): string[] {
  const errors: string[] = [];
  check(root, schema, value, at, errors);
  return errors;
}

function resolveRef(root: Schema, ref: string): Schema {
  const name = /^#\/\$defs\/(.+)$/.exec(ref)?.[1];
  const defs = root.$defs as Record<string, Schema> | undefined;
  const target = name === undefined ? undefined : defs?.[name];
  if (!target) {
    throw new Error(`unresolved $ref ${ref}`);
  }
  return target;
}

function typeMatches(type: unknown, value: unknown): boolean {
  const types = Array.isArray(type) ? (type as string[]) : [type as string];
  return types.some((t) => {
    switch (t) {
      case 'integer':
        return Number.isInteger(value);
      case 'array':
        return Array.isArray(value);
      case 'object':
        return isObject(value);
      case 'null':
        return value === null;
      default:
        return typeof value === t;
    }
  });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isSchema(value: unknown): boolean {
  return isObject(value);
}
