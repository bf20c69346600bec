import { analyzeFiles } from '../../helpers/analyze-files.js';

const SCRIPT_FILE = `import { Redis } from 'ioredis';
const redis = new Redis();
const MARK = \`
if redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[2]) then
  redis.call('SET', KEYS[2], ARGV[1], 'PX', 5000)
end
return redis.call('GET', KEYS[3])
\`;
export async function mark(id: string, head: string, ttl: number) {
  return redis.eval(MARK, 3, \`seen:\${id}\`, \`head:\${id}\`, \`other:\${id}\`, head, ttl);
}
`;

describe('redis keys written by Lua scripts', () => {
  it('reads writes and expiries from the script text', async () => {
    const model = await analyzeFiles({ 'src/marks.ts': SCRIPT_FILE });
    const byPattern = new Map(model.redisKeys.map((key) => [key.pattern, key]));

    expect(byPattern.get('seen:{id}')).toMatchObject({
      lifetime: 'ephemeral',
      ttl: { source: 'expression', text: 'ttl', line: 10 },
      ttlUnit: 's',
      sites: [{ file: 'src/marks.ts', line: 10, role: 'write' }],
    });
    expect(byPattern.get('head:{id}')).toMatchObject({
      lifetime: 'ephemeral',
      ttl: { source: 'literal', value: 5000 },
      ttlUnit: 'ms',
    });
    expect(byPattern.get('other:{id}')?.sites).toEqual([
      { file: 'src/marks.ts', line: 10, role: 'script' },
    ]);
  });
});
