import type { FailureHandling, OptionValue, Site } from '../../model/types.js';

/**
 * The dead-letter item of a queue asserted with a dead-letter exchange, or
 * undefined when it has none. Rejected, expired and overflowing messages
 * go there instead of being dropped.
 */
export function deadLetterOf(
  queue: string,
  options: Record<string, OptionValue>,
  at: Site,
): FailureHandling | undefined {
  const exchange = options['deadLetterExchange'];
  if (!exchange) {
    return undefined;
  }
  const routingKey = options['deadLetterRoutingKey'];
  const key = routingKey ? ` with routing key ${shown(routingKey)}` : '';
  const target =
    exchange.value === ''
      ? 'the default exchange'
      : `exchange ${shown(exchange)}`;
  return {
    kind: 'dead-letter',
    queue,
    detail: `rejected or expired messages are dead-lettered to ${target}${key}`,
    sites: [at],
  };
}

/** A value as a reviewer reads it: quoted when known, the expression when not. */
export function shown(option: OptionValue): string {
  if (option.source === 'expression' || option.value === undefined) {
    return `{${option.text}}`;
  }
  return typeof option.value === 'string'
    ? `'${option.value}'`
    : JSON.stringify(option.value);
}
