import type { ArchitectureModel, Queue } from '../../../src/model/types.js';
import { analyzeFiles } from '../../helpers/analyze-files.js';

const F = 'src/rabbit.ts';

function queue(model: ArchitectureModel, name: string): Queue | undefined {
  return model.queues.find((q) => q.library === 'amqplib' && q.name === name);
}

describe('brokers analyzer: amqplib queues and exchanges', () => {
  it('reads a queue asserted with dead-letter arguments', async () => {
    const model = await analyzeFiles({
      [F]: `import amqp from 'amqplib';
const ORDERS = 'orders';
export async function setup() {
  const ch = await (await amqp.connect('amqp://localhost')).createChannel();
  await ch.assertQueue(ORDERS, {
    durable: true,
    arguments: {
      'x-dead-letter-exchange': 'orders.dlx',
      'x-dead-letter-routing-key': 'orders.dead',
      'x-message-ttl': 60000,
      'x-max-length': 1000,
      'x-queue-type': 'quorum',
    },
  });
  await ch.sendToQueue(ORDERS, Buffer.from('{}'));
}`,
    });

    expect(model.queues).toEqual([
      {
        name: 'orders',
        library: 'amqplib',
        jobNames: [],
        options: {
          durable: {
            source: 'literal',
            value: true,
            text: 'true',
            file: F,
            line: 6,
          },
          deadLetterExchange: {
            source: 'literal',
            value: 'orders.dlx',
            text: "'orders.dlx'",
            file: F,
            line: 8,
          },
          deadLetterRoutingKey: {
            source: 'literal',
            value: 'orders.dead',
            text: "'orders.dead'",
            file: F,
            line: 9,
          },
          messageTtl: {
            source: 'literal',
            value: 60000,
            text: '60000',
            file: F,
            line: 10,
          },
          maxLength: {
            source: 'literal',
            value: 1000,
            text: '1000',
            file: F,
            line: 11,
          },
          'arguments.x-queue-type': {
            source: 'literal',
            value: 'quorum',
            text: "'quorum'",
            file: F,
            line: 12,
          },
        },
        sites: [
          { file: F, line: 5, role: 'definition' },
          { file: F, line: 15, role: 'producer' },
        ],
      },
    ]);
    expect(model.failureHandling).toEqual([
      {
        kind: 'dead-letter',
        queue: 'orders',
        detail:
          "rejected or expired messages are dead-lettered to exchange 'orders.dlx' " +
          "with routing key 'orders.dead'",
        sites: [{ file: F, line: 5, role: 'definition' }],
      },
    ]);
  });

  it.each([
    [
      'deadLetterExchange',
      `{ deadLetterExchange: DLX, messageTtl: 5000, maxLength: 10 }`,
    ],
    [
      'arguments',
      `{ arguments: { 'x-dead-letter-exchange': DLX, 'x-message-ttl': 5000, 'x-max-length': 10 } }`,
    ],
  ])(
    'maps the %s form to canonical keys, through constants and variables',
    async (_form, options) => {
      const model = await analyzeFiles({
        'src/names.ts': `export const DLX = 'dead';`,
        [F]: `import * as amqp from 'amqplib/callback_api';
import { DLX } from './names';
const queueOptions = ${options};
amqp.connect('amqp://x', (err, conn) => {
  conn.createChannel((err2, ch) => {
    ch.assertQueue('mail', queueOptions);
  });
});`,
      });

      const row = queue(model, 'mail');
      expect(row?.options).toMatchObject({
        deadLetterExchange: {
          source: 'constant',
          value: 'dead',
          file: F,
          line: 3,
        },
        messageTtl: { source: 'literal', value: 5000, file: F, line: 3 },
        maxLength: { source: 'literal', value: 10, file: F, line: 3 },
      });
      expect(row?.sites).toEqual([{ file: F, line: 6, role: 'definition' }]);
      expect(model.failureHandling).toEqual([
        {
          kind: 'dead-letter',
          queue: 'mail',
          detail:
            "rejected or expired messages are dead-lettered to exchange 'dead'",
          sites: [{ file: F, line: 6, role: 'definition' }],
        },
      ]);
    },
  );

  it('attaches a publish to the queues bound to its exchange whose pattern matches', async () => {
    const model = await analyzeFiles({
      [F]: `import amqp from 'amqplib';
export async function wire(ch: amqp.Channel) {
  await ch.assertExchange('events', 'topic', { durable: true });
  await ch.assertQueue('billing');
  await ch.bindQueue('billing', 'events', 'order.*');
  await ch.assertQueue('audit');
  await ch.bindQueue('audit', 'events', 'user.#');
  ch.publish('events', 'order.created', Buffer.from('{}'));
  ch.publish('', 'audit', Buffer.from('{}'));
  ch.publish('metrics', 'tick', Buffer.from('{}'));
}`,
    });

    expect(model.queues.map((q) => q.name)).toEqual([
      'audit',
      'billing',
      'exchange:metrics',
    ]);
    expect(queue(model, 'billing')).toEqual({
      name: 'billing',
      library: 'amqplib',
      jobNames: [],
      options: {
        bindings: {
          source: 'literal',
          value: [{ exchange: 'events', routingKey: 'order.*', type: 'topic' }],
          text: "ch.bindQueue('billing', 'events', 'order.*')",
          file: F,
          line: 5,
        },
      },
      sites: [
        { file: F, line: 3, role: 'config' },
        { file: F, line: 4, role: 'definition' },
        { file: F, line: 5, role: 'config' },
        { file: F, line: 8, role: 'producer' },
      ],
    });
    // The default exchange routes by queue name; user.# does not match order.created.
    expect(queue(model, 'audit')?.sites).toEqual([
      { file: F, line: 3, role: 'config' },
      { file: F, line: 6, role: 'definition' },
      { file: F, line: 7, role: 'config' },
      { file: F, line: 9, role: 'producer' },
    ]);
    expect(queue(model, 'exchange:metrics')?.sites).toEqual([
      { file: F, line: 10, role: 'producer' },
    ]);
  });

  it('sends a computed routing key to every queue bound to the exchange', async () => {
    const model = await analyzeFiles({
      [F]: `import amqp from 'amqplib';
export async function wire(ch: amqp.Channel, key: string) {
  await ch.assertExchange('jobs', 'direct');
  await ch.bindQueue('fast', 'jobs', 'fast');
  await ch.bindQueue('slow', 'jobs', 'slow');
  ch.publish('jobs', key, Buffer.from('{}'));
}`,
    });

    expect(
      model.queues.map((q) => [
        q.name,
        q.sites.map((s) => `${s.line}:${s.role}`),
      ]),
    ).toEqual([
      ['fast', ['3:config', '4:config', '6:producer']],
      ['slow', ['3:config', '5:config', '6:producer']],
    ]);
  });
});
