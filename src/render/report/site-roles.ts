import type { Site } from '../../model/types.js';

/*
 * Analyzers name site roles in plain words (`producer`, `consumer`,
 * `processor`, `worker`, `definition`). Renderers group by the meaning of the
 * word rather than one exact spelling, so `produce`, `producer` and
 * `producers` all count as producing.
 */
const PRODUCER = /produc|publish|enqueue|\badd\b|send/i;
const CONSUMER = /consum|process|worker|subscrib|handler/i;

export function producerSites(sites: readonly Site[]): Site[] {
  return sites.filter((site) => PRODUCER.test(site.role));
}

export function consumerSites(sites: readonly Site[]): Site[] {
  return sites.filter(
    (site) => CONSUMER.test(site.role) && !PRODUCER.test(site.role),
  );
}

/** Sites that are neither producing nor consuming: definitions, options. */
export function definitionSites(sites: readonly Site[]): Site[] {
  return sites.filter(
    (site) => !PRODUCER.test(site.role) && !CONSUMER.test(site.role),
  );
}
