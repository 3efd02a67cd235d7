/**
 * Every HTML file of a real build passes html-validate with the project's
 * rules (.htmlvalidate.json: the recommended and document presets; titles may
 * be as long as the story's headline, and subresource integrity is asked for
 * on cross-origin resources only, since the site loads nothing from others).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate, type ConfigData } from 'html-validate';
import { buildSite, projectRoot, scratchDir } from './build-site.ts';
import { htmlFiles } from './dist.ts';

let out: string;
const config = JSON.parse(readFileSync(join(projectRoot, '.htmlvalidate.json'), 'utf8')) as ConfigData;

beforeAll(() => {
  out = join(scratchDir('html-validate'), 'dist');
  const result = buildSite({ outDir: out });
  if (result.status !== 0) throw new Error(`build failed:\n${result.output}`);
});

afterAll(() => rmSync(join(out, '..'), { recursive: true, force: true }));

describe('html-validate', () => {
  it('finds every page type in the build', () => {
    const files = htmlFiles(out);
    for (const page of ['index.html', '404.html', 'people/index.html', 'timeline/index.html']) expect(files).toContain(page);
    for (const kind of ['stories', 'people', 'events']) expect(files.some((f) => f.startsWith(`${kind}/`) && f !== `${kind}/index.html`), kind).toBe(true);
  });

  it('reports no error in any HTML file', async () => {
    const validator = new HtmlValidate(config);
    const problems: string[] = [];
    for (const file of htmlFiles(out)) {
      const report = await validator.validateFile(join(out, file));
      for (const result of report.results) {
        for (const m of result.messages) {
          if (m.severity === 2) problems.push(`${file}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('catches invalid markup (the validator is really on)', async () => {
    const validator = new HtmlValidate(config);
    const report = await validator.validateString('<!doctype html><html lang="en"><head><title>x</title></head><body><main><p><div>bad</div></p><img src="a.png"></main></body></html>', 'probe.html');
    const rules = report.results.flatMap((r) => r.messages.map((m) => m.ruleId));
    expect(rules).toEqual(expect.arrayContaining(['no-implicit-close', 'wcag/h37']));
  });
});
