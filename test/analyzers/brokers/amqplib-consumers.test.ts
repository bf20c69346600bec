import type { ArchitectureModel, Queue } from '../../../src/model/types.js';
import { analyzeFiles } from '../../helpers/analyze-files.js';

const F = 'src/rabbit.ts';

function queue(model: ArchitectureModel, name: string): Queue | undefined {
  return model.queues.find((q) => q.library === 'amqplib' && q.name === name);
}

describe('brokers analyzer: amqplib consumers and channels', () => {
  it('gives prefetch and noAck to the consumers of the channel', async () => {
    const model = await analyzeFiles({
      [F]: `import amqp from 'amqplib';
export async function work(conn: amqp.Connection) {
  const ch = await conn.createChannel();
  await ch.prefetch(5);
  await ch.consume('tasks', (msg) => msg && ch.ack(msg));
  const q = await ch.assertQueue('', { exclusive: true });
  await ch.consume(q.queue, onEvent, { noAck: true });
}
export async function other(conn: amqp.Connection) {
  const ch = await conn.createChannel();
  await ch.consume('reports', onEvent);
}`,
    });

    expect(
      model.queues.map((q) => [q.name, Object.keys(q.options).sort()]),
    ).toEqual([
      ['{q.queue}', ['exclusive', 'noAck', 'prefetch']],
      ['reports', []],
      ['tasks', ['prefetch']],
    ]);
    expect(queue(model, 'tasks')).toMatchObject({
      options: {
        prefetch: { source: 'literal', value: 5, text: '5', file: F, line: 4 },
      },
      sites: [
        { file: F, line: 4, role: 'config' },
        { file: F, line: 5, role: 'consumer' },
      ],
    });
    expect(queue(model, '{q.queue}')?.options['noAck']).toEqual({
      source: 'literal',
      value: true,
      text: 'true',
      file: F,
      line: 7,
    });
    expect(queue(model, '{q.queue}')?.sites).toEqual([
      { file: F, line: 4, role: 'config' },
      { file: F, line: 6, role: 'definition' },
      { file: F, line: 7, role: 'consumer' },
    ]);
  });

  it.each([
    [
      'nack(msg, false, false)',
      { source: 'literal', value: false, text: 'false' },
    ],
    ['reject(msg, false)', { source: 'literal', value: false, text: 'false' }],
    ['nack(msg)', { source: 'literal', value: true, text: 'ch.nack(msg)' }],
    [
      'reject(msg, shouldRetry(msg))',
      { source: 'expression', text: 'shouldRetry(msg)' },
    ],
  ])(
    'records requeueOnFailure from %s in the consume handler',
    async (call, expected) => {
      const model = await analyzeFiles({
        [F]: `import amqp from 'amqplib';
export async function work(ch: amqp.Channel) {
  await ch.consume('payments', async (msg) => {
    try {
      await handle(msg);
    } catch {
      ch.${call};
    }
  });
  await ch.consume('other', async (msg) => ch.ack(msg));
}`,
      });

      expect(queue(model, 'payments')).toMatchObject({
        options: { requeueOnFailure: { ...expected, file: F, line: 7 } },
        sites: [
          { file: F, line: 3, role: 'consumer' },
          { file: F, line: 7, role: 'failure' },
        ],
      });
      expect(queue(model, 'other')?.options).toEqual({});
    },
  );

  it('links a nack in a named handler to the queue consumed with that handler', async () => {
    const model = await analyzeFiles({
      [F]: `import amqp from 'amqplib';
export class Worker {
  constructor(private readonly channel: amqp.Channel) {}
  async start() {
    await this.channel.consume('emails', this.onMessage.bind(this));
    await this.channel.consume('sms', (m) => this.channel.ack(m));
  }
  async onMessage(msg: amqp.ConsumeMessage) {
    this.channel.nack(msg, false, false);
  }
}`,
    });

    expect(queue(model, 'emails')?.options['requeueOnFailure']).toMatchObject({
      value: false,
      line: 9,
    });
    expect(queue(model, 'sms')?.options).toEqual({});
  });

  it('reads channel calls in a file that imports a local module wrapping amqplib', async () => {
    const model = await analyzeFiles({
      'src/amqp.ts': `import amqp from 'amqplib';
export const connection = amqp.connect('amqp://localhost');`,
      'src/publisher.ts': `import { connection } from './amqp';
export async function send(body: string) {
  const ch = await (await connection).createChannel();
  ch.sendToQueue('outbox', Buffer.from(body));
}`,
    });

    expect(model.queues).toEqual([
      {
        name: 'outbox',
        library: 'amqplib',
        jobNames: [],
        options: {},
        sites: [{ file: 'src/publisher.ts', line: 4, role: 'producer' }],
      },
    ]);
  });

  it('reads amqp-connection-manager channel wrappers', async () => {
    const model = await analyzeFiles({
      [F]: `import amqp from 'amqp-connection-manager';
const connection = amqp.connect(['amqp://localhost']);
export const channel = connection.createChannel({
  json: true,
  setup: (ch) => Promise.all([
    ch.assertQueue('thumbnails', { durable: true }),
    ch.prefetch(2),
    ch.consume('thumbnails', onMessage),
  ]),
});
export const enqueue = (job: object) => channel.sendToQueue('thumbnails', job);`,
    });

    expect(model.queues).toEqual([
      {
        name: 'thumbnails',
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
          prefetch: {
            source: 'literal',
            value: 2,
            text: '2',
            file: F,
            line: 7,
          },
        },
        sites: [
          { file: F, line: 6, role: 'definition' },
          { file: F, line: 7, role: 'config' },
          { file: F, line: 8, role: 'consumer' },
          { file: F, line: 11, role: 'producer' },
        ],
      },
    ]);
  });

  it('ignores the same method names in files that do not use amqplib', async () => {
    const model = await analyzeFiles({
      'src/bus.ts': `import Redis from 'ioredis';
const redis = new Redis();
export const bus = { consume: (q: string, f: () => void) => f(), redis };
bus.consume('events', () => undefined);
redis.publish('events', 'hello', 'extra');`,
    });

    expect(model.queues).toEqual([]);
  });
});
