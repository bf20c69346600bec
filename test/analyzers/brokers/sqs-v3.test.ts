import { analyzeFiles } from '../../helpers/analyze-files.js';

const F = 'src/orders.ts';
const URL = 'https://sqs.eu-west-1.amazonaws.com/123456789012/orders';

describe('brokers analyzer: SQS with @aws-sdk/client-sqs', () => {
  it('reads producers, consumers and a queue definition with its redrive policy', async () => {
    const model = await analyzeFiles({
      'src/config.ts': `export const ORDERS_QUEUE_URL = '${URL}';
export const DLQ_ARN = 'arn:aws:sqs:eu-west-1:123456789012:orders-dlq';`,
      [F]: `import {
  SQSClient, SendMessageCommand, ReceiveMessageCommand, DeleteMessageCommand, CreateQueueCommand,
} from '@aws-sdk/client-sqs';
import { DLQ_ARN, ORDERS_QUEUE_URL } from './config';
const sqs = new SQSClient({});
export async function createQueue() {
  await sqs.send(new CreateQueueCommand({
    QueueName: 'orders',
    Attributes: {
      MessageRetentionPeriod: '1209600',
      RedrivePolicy: JSON.stringify({ deadLetterTargetArn: DLQ_ARN, maxReceiveCount: 5 }),
    },
  }));
}
export async function enqueue(id: string) {
  await sqs.send(new SendMessageCommand({
    QueueUrl: ORDERS_QUEUE_URL, MessageBody: id, DelaySeconds: 10, MessageGroupId: id,
  }));
}
export async function poll() {
  const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({
    QueueUrl: ORDERS_QUEUE_URL, MaxNumberOfMessages: 10, WaitTimeSeconds: 20, VisibilityTimeout: 30,
  }));
  for (const { ReceiptHandle } of Messages) {
    await sqs.send(new DeleteMessageCommand({ QueueUrl: ORDERS_QUEUE_URL, ReceiptHandle }));
  }
}`,
    });

    expect(model.queues).toEqual([
      {
        name: 'orders',
        library: 'sqs',
        jobNames: [],
        options: {
          messageRetentionPeriod: {
            source: 'literal',
            value: '1209600',
            text: "'1209600'",
            file: F,
            line: 10,
          },
          'redrive.maxReceiveCount': {
            source: 'literal',
            value: 5,
            text: '5',
            file: F,
            line: 11,
          },
          'redrive.deadLetterTarget': {
            source: 'constant',
            value: 'arn:aws:sqs:eu-west-1:123456789012:orders-dlq',
            text: 'DLQ_ARN',
            file: F,
            line: 11,
          },
          delaySeconds: {
            source: 'literal',
            value: 10,
            text: '10',
            file: F,
            line: 17,
          },
          MessageGroupId: {
            source: 'expression',
            text: 'id',
            file: F,
            line: 17,
          },
          maxNumberOfMessages: {
            source: 'literal',
            value: 10,
            text: '10',
            file: F,
            line: 22,
          },
          waitTimeSeconds: {
            source: 'literal',
            value: 20,
            text: '20',
            file: F,
            line: 22,
          },
          visibilityTimeout: {
            source: 'literal',
            value: 30,
            text: '30',
            file: F,
            line: 22,
          },
        },
        sites: [
          { file: F, line: 7, role: 'definition' },
          { file: F, line: 16, role: 'producer' },
          { file: F, line: 21, role: 'consumer' },
          { file: F, line: 25, role: 'consumer' },
        ],
      },
    ]);
    expect(model.failureHandling).toEqual([
      {
        kind: 'dead-letter',
        queue: 'orders',
        detail:
          'after 5 receives, a message moves to the dead-letter queue ' +
          "'arn:aws:sqs:eu-west-1:123456789012:orders-dlq'",
        sites: [{ file: F, line: 7, role: 'definition' }],
      },
    ]);
  });

  it('parses a redrive policy written as a JSON string in SetQueueAttributes', async () => {
    const model = await analyzeFiles({
      [F]: `import * as sqs from '@aws-sdk/client-sqs';
const POLICY = '{"deadLetterTargetArn":"arn:aws:sqs:us-east-1:1:jobs-dlq","maxReceiveCount":"3"}';
export const input = new sqs.SetQueueAttributesCommand({
  QueueUrl: '${URL.replace('orders', 'jobs')}',
  Attributes: { RedrivePolicy: POLICY, VisibilityTimeout: '120' },
});`,
    });

    const at = { source: 'constant', text: 'POLICY', file: F, line: 5 };
    expect(model.queues).toEqual([
      {
        name: 'jobs',
        library: 'sqs',
        jobNames: [],
        options: {
          visibilityTimeout: {
            source: 'literal',
            value: '120',
            text: "'120'",
            file: F,
            line: 5,
          },
          'redrive.maxReceiveCount': { ...at, value: '3' },
          'redrive.deadLetterTarget': {
            ...at,
            value: 'arn:aws:sqs:us-east-1:1:jobs-dlq',
          },
        },
        sites: [{ file: F, line: 3, role: 'config' }],
      },
    ]);
    expect(model.failureHandling.map((f) => [f.queue, f.sites])).toEqual([
      ['jobs', [{ file: F, line: 3, role: 'config' }]],
    ]);
  });

  it.each([
    [
      'an environment variable',
      `process.env.ORDERS_QUEUE_URL`,
      '{process.env.ORDERS_QUEUE_URL}',
    ],
    ['a config object in another file', `config.queues.orders`, 'orders'],
    [
      'a URL built from an account constant',
      '`https://sqs.eu-west-1.amazonaws.com/${config.account}/orders`',
      'orders',
    ],
    [
      'a URL built from a dynamic base',
      '`${process.env.SQS_BASE}/${name}`',
      '{process.env.SQS_BASE}/{name}',
    ],
  ])('names the queue from %s', async (_label, queueUrl, expected) => {
    const model = await analyzeFiles({
      'src/config.ts': `export default { account: '123', queues: { orders: '${URL}' } };`,
      [F]: `import { SendMessageCommand } from '@aws-sdk/client-sqs';
import config from './config';
export function command(name: string) {
  return new SendMessageCommand({ QueueUrl: ${queueUrl}, MessageBody: 'x' });
}`,
    });

    expect(model.queues.map((q) => [q.name, q.library, q.sites])).toEqual([
      [expected, 'sqs', [{ file: F, line: 4, role: 'producer' }]],
    ]);
  });

  it('keeps an input passed by name as expression text', async () => {
    const model = await analyzeFiles({
      [F]: `import { ReceiveMessageCommand } from '@aws-sdk/client-sqs';
export const receive = (params: { QueueUrl: string }) => new ReceiveMessageCommand(params);`,
    });

    expect(model.queues.map((q) => [q.name, q.sites])).toEqual([
      ['{params.QueueUrl}', [{ file: F, line: 2, role: 'consumer' }]],
    ]);
  });

  it('ignores command classes of other AWS clients', async () => {
    const model = await analyzeFiles({
      [F]: `import { SendMessageCommand } from '@aws-sdk/client-pinpoint';
export const c = new SendMessageCommand({ QueueUrl: 'x' });`,
    });

    expect(model.queues).toEqual([]);
  });
});
