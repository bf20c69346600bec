import { fitMarkdown } from '../../src/github/fit-markdown.js';
import { renderReport } from '../../src/render/report/render-report.js';
import { emptyModel } from '../../src/model/empty-model.js';

describe('fitMarkdown', () => {
  it('returns text that fits unchanged', () => {
    expect(fitMarkdown('# short\n', 100, '_cut_')).toBe('# short\n');
  });

  it('cuts a real report at a line break, within the limit, and says so', () => {
    const model = emptyModel('acme/billing@6f1e2d3');
    model.queues = Array.from({ length: 2000 }, (_, i) => ({
      name: `tenant-${i}-exports`,
      library: 'bullmq' as const,
      jobNames: ['export'],
      options: {},
      sites: [
        { file: `src/tenants/tenant-${i}.ts`, line: 3, role: 'definition' },
      ],
    }));
    const report = renderReport(model);
    expect(report.length).toBeGreaterThan(65_536);

    const fitted = fitMarkdown(report, 65_536, '_The report was cut._');

    expect(fitted.length).toBeLessThanOrEqual(65_536);
    expect(fitted.length).toBeGreaterThan(60_000);
    expect(fitted.endsWith('\n\n_The report was cut._\n')).toBe(true);
    expect(
      report.startsWith(
        fitted.slice(0, fitted.indexOf('\n\n_The report was cut._')),
      ),
    ).toBe(true);
  });

  it.each([
    ['```mermaid\nflowchart LR\n', '```'],
    ['~~~~\nline\n', '~~~~'],
  ])('closes a code block the cut leaves open (%j)', (opening, fence) => {
    const text = `intro\n\n${opening}${'  a --> b\n'.repeat(200)}${fence}\n\nafter\n`;

    const fitted = fitMarkdown(text, 500, '_cut_');

    expect(fitted.length).toBeLessThanOrEqual(500);
    expect(fitted).toMatch(new RegExp(`\\n${fence}\\n\\n_cut_\\n$`));
  });
});
