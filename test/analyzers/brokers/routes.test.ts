import { routes } from '../../../src/analyzers/brokers/routes.js';

describe('routes', () => {
  it.each([
    ['topic', 'order.*', 'order.created', true],
    ['topic', 'order.*', 'order.created.eu', false],
    ['topic', 'order.#', 'order', true],
    ['topic', 'order.#', 'order.created.eu', true],
    ['topic', '#.eu', 'order.created.eu', true],
    ['topic', '*.created', 'user.deleted', false],
    ['direct', 'order.*', 'order.created', false],
    ['direct', 'fast', 'fast', true],
    ['fanout', 'anything', 'else', true],
    [undefined, 'a.*', 'a.b', true],
    [undefined, 'a', 'b', false],
    ['direct', undefined, 'a', true],
    ['direct', 'a', undefined, true],
  ])(
    'a %s exchange with pattern %s routes %s: %s',
    (type, pattern, key, expected) => {
      expect(routes(type, pattern, key)).toBe(expected);
    },
  );
});
