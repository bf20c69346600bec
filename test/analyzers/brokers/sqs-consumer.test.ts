import { analyzeFiles } from '../../helpers/analyze-files.js';

const URL = 'https://sqs.eu-west-1.amazonaws.com/123456789012/invoices';

describe('brokers analyzer: sqs-consumer and sqs-producer', () => {
  it('reads a consumer and a producer of one queue into one sqs-consumer row', async () => {
    const model = await analyzeFiles({
      'src/config.ts': `export const INVOICES_URL = '${URL}';`,
      'src/worker.ts': `import { Consumer } from 'sqs-consumer';
import { INVOICES_URL } from './config';
const options = { batchSize: 10, visibilityTimeout: 60, waitTimeSeconds: 20 };
const app = Consumer.create({
  ...options,
  queueUrl: INVOICES_URL,
  pollingWaitTimeMs: 1000,
  handleMessage: async (message) => { await handle(message); },
});
app.start();`,
      'src/api.ts': `import { Producer } from 'sqs-producer';
import { INVOICES_URL } from './config';
export const producer = Producer.create({ queueUrl: INVOICES_URL, region: 'eu-west-1' });`,
    });

    const W = 'src/worker.ts';
    expect(model.queues).toEqual([
      {
        name: 'invoices',
        library: 'sqs-consumer',
        jobNames: [],
        options: {
          batchSize: {
            source: 'literal',
            value: 10,
            text: '10',
            file: W,
            line: 3,
          },
          visibilityTimeout: {
            source: 'literal',
            value: 60,
            text: '60',
            file: W,
            line: 3,
          },
          waitTimeSeconds: {
            source: 'literal',
            value: 20,
            text: '20',
            file: W,
            line: 3,
          },
          pollingWaitTimeMs: {
            source: 'literal',
            value: 1000,
            text: '1000',
            file: W,
            line: 7,
          },
        },
        sites: [
          { file: 'src/api.ts', line: 3, role: 'producer' },
          { file: W, line: 4, role: 'consumer' },
        ],
      },
    ]);
  });

  it('keeps a queue URL from the environment as expression text', async () => {
    const model = await analyzeFiles({
      'src/worker.ts': `import { Consumer } from 'sqs-consumer';
export const consumer = new Consumer({
  queueUrl: process.env.QUEUE_URL,
  handleMessage: async () => undefined,
  batchSize: Number(process.env.BATCH),
});`,
    });

    expect(model.queues).toEqual([
      {
        name: '{process.env.QUEUE_URL}',
        library: 'sqs-consumer',
        jobNames: [],
        options: {
          batchSize: {
            source: 'expression',
            text: 'Number(process.env.BATCH)',
            file: 'src/worker.ts',
            line: 5,
          },
        },
        sites: [{ file: 'src/worker.ts', line: 2, role: 'consumer' }],
      },
    ]);
  });

  it('leaves a producer-only queue as a plain sqs row', async () => {
    const model = await analyzeFiles({
      'src/api.ts': `import { Producer } from 'sqs-producer';
export const producer = Producer.create({ queueUrl: '${URL}' });`,
    });

    expect(model.queues.map((q) => [q.name, q.library])).toEqual([
      ['invoices', 'sqs'],
    ]);
  });
});
