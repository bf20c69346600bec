import { propOf } from '../../facts/expr.js';
import type { FileItems } from '../types.js';
import { flattenOptions, optionValue } from '../shared/option-value.js';
import { site } from '../shared/site.js';
import { ChannelSettings } from './amqp-channel-settings.js';
import type { AmqpConsumer } from './amqp-channel-settings.js';
import { deadLetterOf } from './amqp-dead-letter.js';
import { ExchangeRoutes } from './amqp-exchange-routes.js';
import type { BrokerBuild } from './broker-build.js';
import { namesOf } from './broker-build.js';
import type { AmqpItem } from './types.js';

/**
 * amqplib's option shorthands and the `x-` queue arguments they stand for,
 * both mapped to one canonical key.
 */
const QUEUE_OPTION_KEYS: Record<string, string> = {
  'arguments.x-dead-letter-exchange': 'deadLetterExchange',
  'arguments.x-dead-letter-routing-key': 'deadLetterRoutingKey',
  'arguments.x-message-ttl': 'messageTtl',
  'arguments.x-max-length': 'maxLength',
};

/** Queues, exchanges, consumers and channel settings of amqplib files. */
export function buildAmqp(
  files: FileItems<AmqpItem>[],
  build: BrokerBuild,
): void {
  const routes = new ExchangeRoutes(build);
  const settings = new ChannelSettings(build);
  const consumers: AmqpConsumer[] = [];

  for (const { file, items } of files) {
    for (const item of items) {
      switch (item.method) {
        case 'assertQueue':
          defineQueue(item, file, build);
          break;
        case 'sendToQueue':
          sendToQueue(item, file, build);
          break;
        case 'consume':
          consumers.push(consume(item, file, build));
          break;
        case 'assertExchange':
          routes.addExchange(item, file);
          break;
        case 'bindQueue':
          routes.addBinding(item, file);
          break;
        case 'publish':
          routes.addPublish(item, file);
          break;
        default:
          settings.add(item, file);
      }
    }
  }

  routes.apply();
  settings.apply(consumers);
}

function defineQueue(item: AmqpItem, file: string, build: BrokerBuild): void {
  const [name, rawOptions] = item.args;
  if (!name) {
    return;
  }
  const resolved = rawOptions
    ? build.resolver.resolve(rawOptions, file)
    : undefined;
  const options = flattenOptions(resolved, file, QUEUE_OPTION_KEYS);
  // An unnamed server-named queue whose result is dropped: nothing can use it.
  const queues = namesOf(build, name, file).filter((queue) => queue !== '');
  for (const queue of queues) {
    const row = build.table.row('amqplib', queue);
    const at = site(file, item.line, 'definition');
    build.table.addSite(row, at);
    build.table.addOptions(row, options);
    const deadLetter = deadLetterOf(queue, options, at);
    if (deadLetter) {
      build.failures.push(deadLetter);
    }
  }
}

function sendToQueue(item: AmqpItem, file: string, build: BrokerBuild): void {
  const name = item.args[0];
  for (const queue of name ? namesOf(build, name, file) : []) {
    build.table.addSite(
      build.table.row('amqplib', queue),
      site(file, item.line, 'producer'),
    );
  }
}

function consume(
  item: AmqpItem,
  file: string,
  build: BrokerBuild,
): AmqpConsumer {
  const [name, , rawOptions] = item.args;
  const queues = name ? namesOf(build, name, file) : [];
  const options = rawOptions
    ? build.resolver.resolve(rawOptions, file)
    : undefined;
  const noAck = propOf(options, 'noAck');
  for (const queue of queues) {
    const row = build.table.row('amqplib', queue);
    build.table.addSite(row, site(file, item.line, 'consumer'));
    if (noAck) {
      build.table.addOptions(row, { noAck: optionValue(noAck, file) });
    }
  }
  return {
    file,
    channel: item.channel,
    scope: item.scope,
    handler: item.handler,
    queues,
  };
}
