import { parseConfig } from '../../src/config/parse-config.js';
import {
  defaultConfig,
  formatConfigProblem,
} from '../../src/config/scaling-report-config.js';

describe('parseConfig', () => {
  it('reads every setting', () => {
    const text = [
      'rules:',
      '  queue-added: false',
      '  retention-missing: error',
      '  retry-changed:',
      '    enabled: true',
      '    severity: info',
      'paths:',
      '  include: ["services/**"]',
      '  exclude:',
      '    - "**/*.test.ts"',
      'failLevel: warning',
      'comment:',
      '  mode: recreate',
      'commandPermission: maintain',
    ].join('\n');

    const { config, problems } = parseConfig(text);

    expect(problems).toEqual([]);
    expect(config).toEqual({
      rules: {
        'queue-added': { enabled: false },
        'retention-missing': { severity: 'error' },
        'retry-changed': { enabled: true, severity: 'info' },
      },
      paths: { include: ['services/**'], exclude: ['**/*.test.ts'] },
      failLevel: 'warning',
      comment: { mode: 'recreate' },
      commandPermission: 'maintain',
    });
  });

  it.each(['', '# nothing yet\n', '---\n'])(
    'uses the defaults for an empty file %j',
    (text) => {
      expect(parseConfig(text)).toEqual({
        config: defaultConfig(),
        problems: [],
      });
    },
  );

  it('keeps the valid settings and reports each bad one with its line', () => {
    const text = [
      'failLevel: fatal',
      'comment:',
      '  mode: recreate',
      'commandPermission: everyone',
      'rules:',
      '  queue-added: loud',
      '  retry-changed: { enabled: maybe }',
      'paths:',
      '  include: 3',
      'colour: blue',
    ].join('\n');

    const { config, problems } = parseConfig(text);

    expect(config.failLevel).toBe('none');
    expect(config.comment.mode).toBe('recreate');
    expect(config.commandPermission).toBe('write');
    expect(problems.map((problem) => [problem.line, problem.message])).toEqual([
      [
        1,
        '`failLevel` must be one of none, warning, error, not `fatal`; the default applies.',
      ],
      [
        4,
        '`commandPermission` must be one of write, maintain, admin, anyone, not `everyone`; ' +
          'the default applies.',
      ],
      [
        6,
        '`rules.queue-added` must be one of info, warning, error, not `loud`; the default applies.',
      ],
      [
        7,
        '`rules.retry-changed.enabled` must be true or false; it was ignored.',
      ],
      [9, '`paths.include` must be a list of globs; it was ignored.'],
      [10, 'unknown setting `colour` was ignored.'],
    ]);
  });

  it('reports broken YAML with its line and falls back to the defaults', () => {
    const { config, problems } = parseConfig(
      'failLevel: error\nrules: [\n  a: b\n',
    );

    expect(config).toEqual(defaultConfig());
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]?.line).toBeGreaterThanOrEqual(2);
    expect(problems[0]?.message).toMatch(/^is not valid YAML/);
  });

  it('rejects a file that is not a mapping', () => {
    const { problems } = parseConfig('- failLevel\n- error\n');

    expect(problems).toEqual([
      {
        file: '.github/scaling-report.yml',
        line: 1,
        message: 'the file must be a mapping of settings; defaults apply.',
      },
    ]);
  });

  it('formats a problem with the file and line', () => {
    const text = formatConfigProblem({
      file: '.github/scaling-report.yml',
      line: 3,
      message: 'x.',
    });

    expect(text).toBe('`.github/scaling-report.yml` line 3: x.');
  });
});
