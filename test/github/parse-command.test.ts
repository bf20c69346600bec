import { parseCommand } from '../../src/github/parse-command.js';

describe('parseCommand', () => {
  it.each([
    ['/scaling-report', { kind: 'report' }],
    ['/scaling-report   ', { kind: 'report' }],
    ['/scaling-report report', { kind: 'report' }],
    ['/scaling-report diff', { kind: 'diff' }],
    ['Looks risky.\r\n/scaling-report diff\r\nthanks', { kind: 'diff' }],
    ['  /scaling-report', { kind: 'report' }],
    [
      '/scaling-report everything now',
      { kind: 'usage', argument: 'everything now' },
    ],
    ['```\nnot this\n```\n/scaling-report', { kind: 'report' }],
  ])('%j -> %j', (body, expected) => {
    expect(parseCommand(body)).toEqual(expected);
  });

  it.each([
    ['no command', 'LGTM'],
    ['a longer word', '/scaling-reports'],
    ['mid-sentence', 'please run /scaling-report'],
    ['inline code', 'run `/scaling-report` to see it'],
    ['a quote', '> /scaling-report\n\nwhy did this run?'],
    ['a nested quote', '> > /scaling-report'],
    ['a fenced block', '```sh\n/scaling-report\n```'],
    ['a tilde fence', '~~~\n/scaling-report diff\n~~~'],
    ['an unclosed fence', '```\n/scaling-report'],
    ['indented code', '    /scaling-report'],
  ])('ignores %s', (_label, body) => {
    expect(parseCommand(body)).toBeUndefined();
  });
});
