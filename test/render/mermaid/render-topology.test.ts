import { emptyModel } from '../../../src/model/empty-model.js';
import { mermaidLabel } from '../../../src/render/mermaid/mermaid-label.js';
import { renderTopology } from '../../../src/render/mermaid/render-topology.js';
import { topologyNodeId } from '../../../src/render/mermaid/topology-node-id.js';
import { richModel } from '../report/rich-model.js';

const id = topologyNodeId;
const none = new Set<string>();

describe('topologyNodeId', () => {
  it('is stable and made of safe characters', () => {
    const first = id('queue', 'orders:high priority "v2"');

    expect(first).toBe(id('queue', 'orders:high priority "v2"'));
    expect(first).toMatch(/^[A-Za-z][A-Za-z0-9_]*$/);
  });

  it.each([
    ['queue', 'orders-v1', 'queue', 'orders_v1'],
    ['queue', 'a', 'channel', 'a'],
    ['queue', 'x'.repeat(60), 'queue', `${'x'.repeat(60)}y`],
  ])('keeps %s %s apart from %s %s', (kindA, nameA, kindB, nameB) => {
    expect(id(kindA, nameA)).not.toBe(id(kindB, nameB));
  });

  it('starts with a letter whatever the kind', () => {
    expect(id('1st', 'end')).toMatch(/^[A-Za-z]/);
  });
});

describe('mermaidLabel', () => {
  it('writes quotes, brackets and hashes as entity codes', () => {
    expect(mermaidLabel('say "hi" <b>#1\n`x`')).toBe(
      '"say #quot;hi#quot; #lt;b#gt;#35;1 #96;x#96;"',
    );
  });
});

describe('renderTopology', () => {
  it('leaves out an entry that starts nothing and ties into nothing', () => {
    const model = richModel();
    model.processes.push({
      name: 'seed',
      kinds: [],
      startedBy: ['package.json#scripts.seed'],
      sites: [{ file: 'package.json', line: 9, role: 'entry' }],
    });

    expect(renderTopology(model)).not.toContain(id('process', 'seed'));
    expect(renderTopology(model)).toContain(id('process', 'worker'));
  });

  it('draws producers, queues, consumers, storage, channels and clients', () => {
    const diagram = renderTopology(richModel());
    const web = id('process', 'web');
    const worker = id('process', 'worker');
    const orders = id('queue', 'orders');
    const channel = id('channel', 'order-events');

    expect(diagram.split('\n')[0]).toBe('flowchart LR');
    expect(diagram).toContain(`${web}["web ×3 (web, websocket)"]`);
    expect(diagram).toContain(`  ${web} --> ${orders}`);
    expect(diagram).toContain(`  ${orders} --> ${worker}`);
    expect(diagram).toContain(
      `  ${orders} -.->|"jobs"| ${id('redis', 'Redis')}`,
    );
    expect(diagram).toContain(`  ${worker} --> ${channel}`);
    expect(diagram).toContain(`  ${channel} --> ${web}`);
    expect(diagram).toContain(
      `  ${web} -->|"push"| ${id('clients', 'websocket')}`,
    );
    expect(diagram).not.toContain('classDef');
  });

  it('draws code tied to no process from a shared producers node', () => {
    const model = richModel();
    model.processes = [];
    const diagram = renderTopology(model);

    expect(diagram).toContain(
      `  ${id('producers', 'producers')} --> ${id('queue', 'orders')}`,
    );
    expect(diagram).toContain(
      `  ${id('queue', 'orders')} --> ${id('consumers', 'consumers')}`,
    );
  });

  it('draws brokers for amqplib and SQS queues', () => {
    const model = emptyModel('.');
    model.queues = [
      {
        name: 'mail',
        library: 'amqplib',
        jobNames: [],
        options: {},
        sites: [],
      },
      { name: 'jobs', library: 'sqs', jobNames: [], options: {}, sites: [] },
    ];
    const diagram = renderTopology(model);

    expect(diagram).toContain(`${id('broker', 'RabbitMQ')}[("RabbitMQ")]`);
    expect(diagram).toContain(
      `${id('queue', 'jobs')} -.->|"jobs"| ${id('broker', 'SQS')}`,
    );
    expect(diagram).not.toContain('Redis');
  });

  it('styles marked nodes and base-only removed nodes', () => {
    const orders = id('queue', 'orders');
    const emails = id('queue', 'emails');
    const web = id('process', 'web');
    const gone = id('queue', 'legacy');
    const diagram = renderTopology(
      richModel(),
      {
        added: new Set([orders]),
        removed: none,
        changed: new Set([web, emails]),
      },
      { removedNodes: [{ kind: 'queue', name: 'legacy' }] },
    );

    expect(diagram).toContain(`${gone}[["legacy (removed)"]]`);
    expect(diagram).toContain(`  class ${orders} added`);
    expect(diagram).toContain(`  class ${gone} removed`);
    expect(diagram).toContain(`  class ${web},${emails} changed`);
    expect(diagram).toMatch(/classDef removed [^\n]*stroke-dasharray/);
  });

  it('caps the diagram and keeps marked nodes', () => {
    const model = emptyModel('.');
    model.queues = Array.from({ length: 50 }, (_, i) => ({
      name: `q${i}`,
      library: 'sqs' as const,
      jobNames: [],
      options: {},
      sites: [],
    }));
    const marked = id('queue', 'q49');
    const diagram = renderTopology(model, {
      added: new Set([marked]),
      removed: none,
      changed: none,
    });
    const nodeLines = diagram
      .split('\n')
      .filter((line) => /^\s+\w+\[/.test(line));

    expect(nodeLines).toHaveLength(41);
    expect(diagram).toContain('more_nodes["+11 more"]');
    expect(diagram).toContain(`${marked}[[`);
    expect(diagram).not.toContain(id('queue', 'q39'));
  });
});
