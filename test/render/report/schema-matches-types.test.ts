import { readFileSync } from 'node:fs';
import { Project } from 'ts-morph';

interface ObjectSchema {
  required?: string[];
  properties?: Record<string, unknown>;
}

const schema = JSON.parse(
  readFileSync(
    new URL('../../../schema/architecture.schema.json', import.meta.url),
    'utf8',
  ),
) as ObjectSchema & { $defs: Record<string, ObjectSchema> };

const project = new Project({ skipAddingFilesFromTsConfig: true });
const types = project.addSourceFileAtPath(
  new URL('../../../src/model/types.ts', import.meta.url).pathname,
);

/** Property names of an interface in the model, split by optionality. */
function fieldsOf(name: string): { all: string[]; required: string[] } {
  const members = types.getInterfaceOrThrow(name).getProperties();
  return {
    all: members.map((m) => m.getName()).sort(),
    required: members
      .filter((m) => !m.hasQuestionToken())
      .map((m) => m.getName())
      .sort(),
  };
}

const DEFINITIONS = types
  .getInterfaces()
  .map((declaration) => declaration.getName())
  .filter((name) => name !== 'ArchitectureModel');

describe('schema/architecture.schema.json', () => {
  it.each(DEFINITIONS)('describes %s field for field', (name) => {
    const definition = schema.$defs[name];
    const fields = fieldsOf(name);

    expect(Object.keys(definition?.properties ?? {}).sort()).toEqual(
      fields.all,
    );
    expect([...(definition?.required ?? [])].sort()).toEqual(fields.required);
  });

  it('describes ArchitectureModel at the top level', () => {
    const fields = fieldsOf('ArchitectureModel');

    expect(Object.keys(schema.properties ?? {}).sort()).toEqual(fields.all);
    expect([...(schema.required ?? [])].sort()).toEqual(fields.required);
  });
});
