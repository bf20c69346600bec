import type { OptionValue, RedisClient, Site } from '../../model/types.js';

/** One Redis server or cluster the code connects to, as far as it says. */
export interface RedisInstance {
  /** `Redis`, or the host or URL as written when clients name several. */
  name: string;
  clients: RedisClient[];
  /** Whether a client names a cluster or sentinels. */
  clustered: boolean;
}

const ADDRESS_KEYS = ['url', 'host', 'path', 'nodes', 'sentinels'];

/**
 * Groups clients by the address they state. When fewer than two addresses
 * differ, every client shares one instance named `Redis`: a client that
 * states none uses the library default or an address built elsewhere, which
 * is most often the same server. Otherwise those clients form an instance of
 * their own rather than being guessed into one.
 */
export function redisInstances(
  clients: readonly RedisClient[],
): RedisInstance[] {
  const byAddress = new Map<string, RedisClient[]>();
  const anonymous: RedisClient[] = [];
  for (const client of clients) {
    const address = addressOf(client);
    if (address === undefined) {
      anonymous.push(client);
    } else {
      byAddress.set(address, [...(byAddress.get(address) ?? []), client]);
    }
  }

  if (byAddress.size < 2) {
    return [
      {
        name: 'Redis',
        clients: [...clients],
        clustered: clients.some(isClustered),
      },
    ];
  }
  const instances = [...byAddress].map(([name, members]) => ({
    name,
    clients: members,
    clustered: members.some(isClustered),
  }));
  if (anonymous.length > 0) {
    instances.push({
      name: 'Redis (address not stated)',
      clients: anonymous,
      clustered: anonymous.some(isClustered),
    });
  }
  return instances;
}

/** Every site where a client of the instance is created. */
export function instanceSites(instance: RedisInstance): Site[] {
  return instance.clients.flatMap((client) => client.sites);
}

function addressOf(client: RedisClient): string | undefined {
  const option = ADDRESS_KEYS.map((key) => client.settings[key]).find(Boolean);
  return option === undefined ? undefined : valueText(option);
}

function valueText(option: OptionValue): string {
  return typeof option.value === 'string' ? option.value : option.text;
}

function isClustered(client: RedisClient): boolean {
  return Object.keys(client.settings).some((key) =>
    /cluster|sentinel|nodes/i.test(key),
  );
}
