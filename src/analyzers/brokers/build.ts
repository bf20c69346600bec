import type { ArchitectureModel, FailureHandling } from '../../model/types.js';
import type { BuildContext, FileItems } from '../types.js';
import type { BrokerBuild } from './broker-build.js';
import { buildAmqp } from './build-amqp.js';
import { buildSqs } from './build-sqs.js';
import { buildSqsClients } from './build-sqs-clients.js';
import { isAmqpModule, isAwsSqsModule, libraryUsers } from './library-users.js';
import { QueueTable } from './queue-table.js';
import type { AmqpItem, BrokerItem, SqsClientItem, SqsItem } from './types.js';

/** RabbitMQ and SQS queues, with their dead-letter handling. */
export function build(
  context: BuildContext<BrokerItem>,
): Partial<ArchitectureModel> {
  const { allFacts, resolver, importGraph } = context;
  const importsByFile = new Map(
    allFacts.map((facts) => [
      facts.file,
      new Set(facts.imports.map((imp) => imp.local)),
    ]),
  );
  const brokers: BrokerBuild = {
    resolver,
    table: new QueueTable(),
    failures: [],
    importsName: (file, local) => importsByFile.get(file)?.has(local) ?? false,
  };
  const files = [...context.facts].sort((a, b) => a.file.localeCompare(b.file));

  const isAmqpFile = libraryUsers(
    allFacts,
    resolver,
    isAmqpModule,
    importGraph,
  );
  const amqp = only(files, (item): item is AmqpItem => item.kind === 'amqp');
  buildAmqp(
    amqp.filter(({ file }) => isAmqpFile(file)),
    brokers,
  );

  const isSqsFile = libraryUsers(
    allFacts,
    resolver,
    isAwsSqsModule,
    importGraph,
  );
  buildSqs(
    only(files, (item): item is SqsItem => item.kind === 'sqs'),
    brokers,
    isSqsFile,
  );
  const clients = only(
    files,
    (item): item is SqsClientItem =>
      item.kind !== 'amqp' && item.kind !== 'sqs',
  );
  for (const name of buildSqsClients(clients, brokers)) {
    brokers.table.row('sqs', name).library = 'sqs-consumer';
  }

  return {
    queues: brokers.table.queues(),
    failureHandling: sortFailures(brokers.failures),
  };
}

function only<T extends BrokerItem>(
  files: FileItems<BrokerItem>[],
  test: (item: BrokerItem) => item is T,
): FileItems<T>[] {
  return files
    .map(({ file, items }) => ({ file, items: items.filter(test) }))
    .filter(({ items }) => items.length > 0);
}

function sortFailures(failures: FailureHandling[]): FailureHandling[] {
  return failures.sort((a, b) => {
    const [siteA, siteB] = [a.sites[0], b.sites[0]];
    return (
      (a.queue ?? '').localeCompare(b.queue ?? '') ||
      (siteA?.file ?? '').localeCompare(siteB?.file ?? '') ||
      (siteA?.line ?? 0) - (siteB?.line ?? 0)
    );
  });
}
