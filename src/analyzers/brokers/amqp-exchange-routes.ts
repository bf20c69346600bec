import type { Expr } from '../../facts/expr.js';
import { patternOf } from '../../facts/expr.js';
import type { JsonValue, OptionValue, Site } from '../../model/types.js';
import { site } from '../shared/site.js';
import type { BrokerBuild } from './broker-build.js';
import { isResolved, namesOf } from './broker-build.js';
import { routes } from './routes.js';
import type { AmqpItem } from './types.js';

interface Binding {
  queue: string;
  exchange: string;
  /** Binding pattern; undefined when the code computes it. */
  pattern: string | undefined;
  /** Exchange and pattern as resolved, for the option's source. */
  parts: Expr[];
  text: string;
  site: Site;
}

interface Publish {
  exchange: string;
  routingKey: Expr;
  site: Site;
}

/**
 * Exchanges, bindings and publishes. A publish is a producer of every queue
 * bound to its exchange whose binding matches the routing key (every bound
 * queue when either key is computed). A queue row named after an exchange
 * would be a queue that does not exist, so `exchange:<name>` rows appear
 * only when no bound queue can receive the message: nothing is bound in
 * this code, or no binding matches.
 */
export class ExchangeRoutes {
  private readonly types = new Map<string, string>();
  private readonly exchangeSites = new Map<string, Site[]>();
  private readonly bindings: Binding[] = [];
  private readonly publishes: Publish[] = [];

  constructor(private readonly build: BrokerBuild) {}

  addExchange(item: AmqpItem, file: string): void {
    const [name, type] = item.args;
    const kind = type ? this.build.resolver.resolve(type, file) : undefined;
    for (const exchange of name ? namesOf(this.build, name, file) : []) {
      if (
        kind?.k === 'lit' &&
        typeof kind.v === 'string' &&
        !this.types.has(exchange)
      ) {
        this.types.set(exchange, kind.v);
      }
      const sites = this.exchangeSites.get(exchange) ?? [];
      sites.push(site(file, item.line, 'config'));
      this.exchangeSites.set(exchange, sites);
    }
  }

  addBinding(item: AmqpItem, file: string): void {
    const [queue, exchange, pattern] = item.args;
    if (!queue || !exchange) {
      return;
    }
    const resolvedExchange = this.build.resolver.resolve(exchange, file);
    const resolvedPattern = pattern
      ? this.build.resolver.resolve(pattern, file)
      : undefined;
    const parts = resolvedPattern
      ? [resolvedExchange, resolvedPattern]
      : [resolvedExchange];
    for (const name of namesOf(this.build, queue, file)) {
      this.bindings.push({
        queue: name,
        exchange: patternOf(resolvedExchange),
        pattern:
          resolvedPattern && isResolved(resolvedPattern)
            ? patternOf(resolvedPattern)
            : undefined,
        parts,
        text: item.text,
        site: site(file, item.line, 'config'),
      });
    }
  }

  addPublish(item: AmqpItem, file: string): void {
    const [exchange, routingKey] = item.args;
    if (!exchange || !routingKey) {
      return;
    }
    const key = this.build.resolver.resolve(routingKey, file);
    for (const name of namesOf(this.build, exchange, file)) {
      this.publishes.push({
        exchange: name,
        routingKey: key,
        site: site(file, item.line, 'producer'),
      });
    }
  }

  /** Adds bindings and publishes to the queue rows. */
  apply(): void {
    for (const [queue, bindings] of this.bindingsByQueue()) {
      const row = this.build.table.row('amqplib', queue);
      for (const binding of bindings) {
        this.build.table.addSite(row, binding.site);
        (this.exchangeSites.get(binding.exchange) ?? []).forEach((s) =>
          this.build.table.addSite(row, s),
        );
      }
      this.build.table.addOptions(row, {
        bindings: this.bindingsOption(bindings),
      });
    }
    this.publishes.forEach((publish) => this.route(publish));
  }

  private bindingsByQueue(): Map<string, Binding[]> {
    const byQueue = new Map<string, Binding[]>();
    for (const binding of this.bindings) {
      byQueue.set(binding.queue, [
        ...(byQueue.get(binding.queue) ?? []),
        binding,
      ]);
    }
    return byQueue;
  }

  private bindingsOption(bindings: Binding[]): OptionValue {
    const first = bindings[0];
    const at = {
      text: bindings.map((b) => b.text).join('; '),
      file: first?.site.file ?? '',
      line: first?.site.line ?? 0,
    };
    const parts = bindings.flatMap((b) => b.parts);
    if (!parts.every(isResolved)) {
      return { source: 'expression', ...at };
    }
    const value: JsonValue[] = bindings.map((b) => {
      const type = this.types.get(b.exchange);
      return {
        exchange: b.exchange,
        routingKey: b.pattern ?? '',
        ...(type ? { type } : {}),
      };
    });
    return {
      source: parts.some((p) => p.via) ? 'constant' : 'literal',
      value,
      ...at,
    };
  }

  private route(publish: Publish): void {
    const key = isResolved(publish.routingKey)
      ? patternOf(publish.routingKey)
      : undefined;
    if (publish.exchange === '') {
      // The default exchange delivers to the queue named by the routing key.
      this.addProducer(patternOf(publish.routingKey), publish.site);
      return;
    }
    const type = this.types.get(publish.exchange);
    const queues = new Set(
      this.bindings
        .filter(
          (b) =>
            b.exchange === publish.exchange && routes(type, b.pattern, key),
        )
        .map((b) => b.queue),
    );
    if (queues.size === 0) {
      const row = this.build.table.row(
        'amqplib',
        `exchange:${publish.exchange}`,
      );
      (this.exchangeSites.get(publish.exchange) ?? []).forEach((s) =>
        this.build.table.addSite(row, s),
      );
      this.build.table.addSite(row, publish.site);
      return;
    }
    queues.forEach((queue) => this.addProducer(queue, publish.site));
  }

  private addProducer(queue: string, at: Site): void {
    this.build.table.addSite(this.build.table.row('amqplib', queue), at);
  }
}
