import type { Expr } from '../../facts/expr.js';
import type { OptionValue, Site } from '../../model/types.js';
import { optionValue } from '../shared/option-value.js';
import { site } from '../shared/site.js';
import type { BrokerBuild } from './broker-build.js';
import { namesOf } from './broker-build.js';
import type { AmqpItem } from './types.js';

/** A `consume` call, kept so channel settings can find their queues. */
export interface AmqpConsumer {
  file: string;
  channel: string;
  scope: number;
  handler: string | undefined;
  queues: string[];
}

interface Setting {
  item: AmqpItem;
  file: string;
  key: 'prefetch' | 'requeueOnFailure';
  value: OptionValue;
  site: Site;
}

/**
 * Settings made on a channel rather than a queue: `prefetch(n)` and the
 * requeue flag of `nack`/`reject`. Each goes to the queues consumed on that
 * channel, found from the most to the least precise clue (see `targets`).
 */
export class ChannelSettings {
  private readonly settings: Setting[] = [];

  constructor(private readonly build: BrokerBuild) {}

  add(item: AmqpItem, file: string): void {
    if (item.method === 'prefetch') {
      const [count] = item.args;
      if (count) {
        const value = optionValue(
          this.build.resolver.resolve(count, file),
          file,
        );
        this.settings.push({
          item,
          file,
          key: 'prefetch',
          value,
          site: site(file, item.line, 'config'),
        });
      }
      return;
    }
    const value = this.requeue(item, file);
    this.settings.push({
      item,
      file,
      key: 'requeueOnFailure',
      value,
      site: site(file, item.line, 'failure'),
    });
  }

  apply(consumers: AmqpConsumer[]): void {
    for (const setting of this.settings) {
      for (const queue of this.targets(setting, consumers)) {
        const row = this.build.table.row('amqplib', queue);
        this.build.table.addSite(row, setting.site);
        this.build.table.addOptions(row, { [setting.key]: setting.value });
      }
    }
  }

  /**
   * `nack(msg, allUpTo, requeue)` and `reject(msg, requeue)`. amqplib
   * requeues when the flag is left out, so the call itself states `true`.
   */
  private requeue(item: AmqpItem, file: string): OptionValue {
    const flag: Expr | undefined =
      item.method === 'nack' ? item.args[2] : item.args[1];
    if (!flag) {
      return {
        source: 'literal',
        value: true,
        text: item.text,
        file,
        line: item.line,
      };
    }
    return optionValue(this.build.resolver.resolve(flag, file), file);
  }

  /**
   * The queues a setting applies to: the inline consume handler around a
   * nack; consumers whose handler is the named function around it (in the
   * same file, or one importing it); consumers on the same channel in the
   * same function, then in the same file; at last every queue consumed in
   * the file. A prefetch in a file with no consumer is left out.
   */
  private targets(setting: Setting, consumers: AmqpConsumer[]): string[] {
    const { item, file } = setting;
    if (item.consumedQueue) {
      return namesOf(this.build, item.consumedQueue, file);
    }
    const inFile = consumers.filter((c) => c.file === file);
    const candidates: AmqpConsumer[][] = [
      item.handler === undefined
        ? []
        : this.byHandler(item.handler, file, consumers),
      inFile.filter(
        (c) => c.channel === item.channel && c.scope === item.scope,
      ),
      inFile.filter((c) => c.channel === item.channel),
      inFile,
    ];
    const found = candidates.find((group) => group.length > 0) ?? [];
    return [...new Set(found.flatMap((c) => c.queues))];
  }

  private byHandler(
    handler: string,
    file: string,
    consumers: AmqpConsumer[],
  ): AmqpConsumer[] {
    return consumers.filter(
      (c) =>
        c.handler === handler &&
        (c.file === file || this.build.importsName(c.file, handler)),
    );
  }
}
