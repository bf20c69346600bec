import { analyzeFiles } from '../../helpers/analyze-files.js';

const F = 'src/jobs.js';

describe('brokers analyzer: SQS with aws-sdk v2', () => {
  it.each([
    [
      'a default import',
      `import AWS from 'aws-sdk';\nconst sqs = new AWS.SQS({ region: 'eu-west-1' });`,
    ],
    ['require', `const AWS = require('aws-sdk');\nconst sqs = new AWS.SQS();`],
    [
      'the SQS client module',
      `const SQS = require('aws-sdk/clients/sqs');\nconst sqs = new SQS();`,
    ],
  ])(
    'reads sendMessage and receiveMessage calls with %s',
    async (_label, header) => {
      const model = await analyzeFiles({
        [F]: `${header}
const params = { QueueUrl: process.env.JOBS_URL, MaxNumberOfMessages: 5, WaitTimeSeconds: 10 };
async function poll() {
  const data = await sqs.receiveMessage(params).promise();
  for (const { ReceiptHandle } of data.Messages || []) {
    await sqs.deleteMessage({ QueueUrl: process.env.JOBS_URL, ReceiptHandle }).promise();
  }
}
function send(body) {
  return sqs.sendMessage({ QueueUrl: process.env.JOBS_URL, MessageBody: body, DelaySeconds: 30 });
}
module.exports = { poll, send };`,
      });

      expect(model.queues).toEqual([
        {
          name: '{process.env.JOBS_URL}',
          library: 'sqs',
          jobNames: [],
          options: {
            maxNumberOfMessages: {
              source: 'literal',
              value: 5,
              text: '5',
              file: F,
              line: 3,
            },
            waitTimeSeconds: {
              source: 'literal',
              value: 10,
              text: '10',
              file: F,
              line: 3,
            },
            delaySeconds: {
              source: 'literal',
              value: 30,
              text: '30',
              file: F,
              line: 11,
            },
          },
          sites: [
            { file: F, line: 5, role: 'consumer' },
            { file: F, line: 7, role: 'consumer' },
            { file: F, line: 11, role: 'producer' },
          ],
        },
      ]);
    },
  );

  it('reads createQueue with a redrive policy through the callback API', async () => {
    const model = await analyzeFiles({
      [F]: `const AWS = require('aws-sdk');
const sqs = new AWS.SQS();
sqs.createQueue({
  QueueName: 'emails',
  Attributes: { RedrivePolicy: JSON.stringify({
    maxReceiveCount: '4',
    deadLetterTargetArn: process.env.DLQ_ARN,
  }) },
}, (err) => { if (err) { throw err; } });`,
    });

    expect(model.queues).toEqual([
      {
        name: 'emails',
        library: 'sqs',
        jobNames: [],
        options: {
          'redrive.maxReceiveCount': {
            source: 'literal',
            value: '4',
            text: "'4'",
            file: F,
            line: 6,
          },
          'redrive.deadLetterTarget': {
            source: 'expression',
            text: 'process.env.DLQ_ARN',
            file: F,
            line: 7,
          },
        },
        sites: [{ file: F, line: 3, role: 'definition' }],
      },
    ]);
    expect(model.failureHandling).toEqual([
      {
        kind: 'dead-letter',
        queue: 'emails',
        detail:
          "after '4' receives, a message moves to the dead-letter queue {process.env.DLQ_ARN}",
        sites: [{ file: F, line: 3, role: 'definition' }],
      },
    ]);
  });

  it('reads calls on a client exported by a local module', async () => {
    const model = await analyzeFiles({
      'src/aws.js': `const AWS = require('aws-sdk');
export const sqs = new AWS.SQS();`,
      [F]: `import { sqs } from './aws';
export const send = (b) => sqs.sendMessage({ QueueUrl: 'https://sqs.x/1/mail', MessageBody: b });`,
    });

    expect(model.queues.map((q) => [q.name, q.sites])).toEqual([
      ['mail', [{ file: F, line: 2, role: 'producer' }]],
    ]);
  });

  it('ignores sendMessage calls that name no queue or sit outside AWS code', async () => {
    const model = await analyzeFiles({
      'src/chat.ts': `import { WebClient } from '@slack/web-api';
const aws = 'aws-sdk is not used here';
export const post = (bot: WebClient) => bot.sendMessage({ channel: 'ops', QueueUrl: 'x' });`,
      [F]: `const AWS = require('aws-sdk');
export const reply = (socket) => socket.sendMessage({ text: 'hi' });`,
    });

    expect(model.queues).toEqual([]);
  });
});
