import { readFileSync } from 'node:fs';
import { emptyModel } from '../../../src/model/empty-model.js';
import type {
  ArchitectureModel,
  QueueLibrary,
  Site,
} from '../../../src/model/types.js';
import { renderJson } from '../../../src/render/report/render-json.js';
import { richModel } from './rich-model.js';
import { validateJsonSchema } from './validate-json-schema.js';

const schema = JSON.parse(
  readFileSync(
    new URL('../../../schema/architecture.schema.json', import.meta.url),
    'utf8',
  ),
) as Record<string, unknown>;

function parse(text: string): Record<string, unknown> {
  return JSON.parse(text) as Record<string, unknown>;
}

describe('renderJson', () => {
  it.each([
    ['a rich model', richModel()],
    ['an empty model', emptyModel('.')],
  ])('renders %s that the schema accepts', (_, model) => {
    expect(validateJsonSchema(schema, parse(renderJson(model)))).toEqual([]);
  });

  it('round-trips the model', () => {
    expect(parse(renderJson(richModel()))).toEqual(richModel());
  });

  it('lists top-level fields in contract order and sorts nested keys', () => {
    const model = richModel();
    const reordered = { ...model, stats: model.stats, root: model.root };
    const text = renderJson(reordered);

    expect(Object.keys(parse(text)).slice(0, 3)).toEqual([
      'schemaVersion',
      'root',
      'queues',
    ]);
    expect(text).toBe(renderJson(richModel()));
    expect(text).toContain(
      [
        '"attempts": {',
        '  "file": "src/queues/index.ts",',
        '  "line": 8,',
        '  "source": "literal",',
        '  "text": "5",',
        '  "value": 5',
      ].join('\n        '),
    );
  });

  it('requires every top-level field the model has', () => {
    const required = [...(schema.required as string[])].sort();

    expect(required).toEqual(Object.keys(emptyModel('.')).sort());
  });

  it.each<[string, (model: ArchitectureModel) => unknown, string]>([
    [
      'a site on line 0',
      (m) => (m.queues[0]!.sites[0]!.line = 0),
      'is below 1',
    ],
    [
      'a missing site role',
      (m) => delete (m.queues[0]!.sites[0] as Partial<Site>).role,
      'missing role',
    ],
    [
      'an unknown library',
      (m) => (m.queues[0]!.library = 'kafka' as QueueLibrary),
      'not in',
    ],
    [
      'an unknown option source',
      (m) => (m.queues[0]!.options.attempts!.source = 'guess' as 'literal'),
      'not in',
    ],
    [
      'an unknown top-level field',
      (m) => Object.assign(m, { extra: [] }),
      'unexpected property extra',
    ],
    [
      'a fractional line in an option',
      (m) => (m.processes[0]!.replicas!.line = 1.5),
      'expected "integer"',
    ],
    [
      'a wrong schema version',
      (m) => Object.assign(m, { schemaVersion: 2 }),
      'expected 1',
    ],
  ])('rejects %s', (_, corrupt, message) => {
    const model = richModel();
    corrupt(model);
    const errors = validateJsonSchema(schema, parse(renderJson(model)));

    expect(errors.join('\n')).toContain(message);
  });
});
