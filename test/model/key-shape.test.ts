import { keyShape } from '../../src/model/key-shape.js';

describe('keyShape', () => {
  it.each([
    ['collaborators:{documentId}', 'collaborators:{}'],
    ['collaborators:{event.documentId}', 'collaborators:{}'],
    ['session:{user.id}:{tab}', 'session:{}:{}'],
    ['rl:{hash({ a: 1 })}', 'rl:{}'],
    ['cache:prices', 'cache:prices'],
    ['{cacheKey}', '{cacheKey}'],
    ['{a}:{b}', '{a}:{b}'],
  ])('%s has the shape %s', (pattern, shape) => {
    expect(keyShape(pattern)).toBe(shape);
  });
});
