/** `npm run new`: the ids it picks, and what it refuses, run as an editor runs it. */
import { afterEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const script = resolve(import.meta.dirname, '../../scripts/new.ts');
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'backstory-new-'));
  dirs.push(dir);
  return dir;
}
const run = (dir: string, ...args: string[]) => {
  const result = spawnSync(process.execPath, [script, ...args, '--dir', dir], { encoding: 'utf8' });
  return { status: result.status, output: result.stdout + result.stderr };
};

describe('npm run new', () => {
  it('makes a Latin id from a Cyrillic name, and asks for --id where a title gives none', () => {
    const dir = scratch();
    expect(run(dir, 'person', 'Ли Вэй').status).toBe(0);
    const chinese = run(dir, 'person', '李伟');
    expect(chinese.status).toBe(2);
    expect(chinese.output).toContain('choose one with --id');
    expect(run(dir, 'person', '李伟', '--id', 'li-wei').status).toBe(0);
    expect(readdirSync(join(dir, 'people')).sort()).toEqual(['li-vey.md', 'li-wei.md']);
  });

  it('files a person under their name without the nickname in quotes', () => {
    const dir = scratch();
    const made = run(dir, 'person', 'Francis “Buddy” DeLuca');
    expect([made.status, made.output]).toEqual([0, expect.stringContaining('(id: francis-deluca)')]);
    expect(readFileSync(join(dir, 'people', 'francis-deluca.md'), 'utf8')).toContain('name: "Francis “Buddy” DeLuca"');
  });

  it('refuses an --id that is no id, or is taken', () => {
    const dir = scratch();
    expect(run(dir, 'event', 'Vote', '--id', 'Bad_Id').output).toContain('is not an id');
    expect(run(dir, 'event', 'Vote', '--id', 'vote').status).toBe(0);
    const taken = run(dir, 'event', 'Vote again', '--id', 'vote');
    expect([taken.status, taken.output]).toEqual([1, expect.stringContaining('exists already: choose another --id')]);
  });

  it('refuses a second file for a person of the same name, but numbers a story with a taken id', () => {
    const dir = scratch();
    expect(run(dir, 'person', 'Zoë Ferreira').status).toBe(0);
    const again = run(dir, 'person', 'Zoe Ferreira');
    expect([again.status, again.output]).toEqual([1, expect.stringContaining('zoe-ferreira.md exists already: edit that file')]);
    expect(existsSync(join(dir, 'people', 'zoe-ferreira-2.md'))).toBe(false);
    run(dir, 'story', 'Budget vote');
    expect(run(dir, 'story', 'Budget vote').output).toContain('(id: budget-vote-2)');
  });

  it('dates a story or event by --date, says when it took today, and refuses a date a person cannot have', () => {
    const dir = scratch();
    expect(run(dir, 'story', 'Port reopens', '--date', '2024-05-22').status).toBe(0);
    expect(readFileSync(join(dir, 'stories', 'port-reopens.md'), 'utf8')).toContain('\npublished: 2024-05-22\n');
    expect(run(dir, 'event', 'Port reopens', '--date', '2024-05').status).toBe(0);
    expect(readFileSync(join(dir, 'events', 'port-reopens.md'), 'utf8')).toContain('\ndate: 2024-05\n');
    const today = run(dir, 'story', 'Strike ends');
    expect(today.output).toMatch(/It is dated today \(\d{4}-\d{2}-\d{2}\): change `published` if that is not the day\./);
    const bad = run(dir, 'story', 'Later', '--date', '2024-05');
    expect([bad.status, bad.output]).toEqual([1, expect.stringContaining('--date: ')]);
    const person = run(dir, 'person', 'Marta Kowal', '--date', '2024-05-22');
    expect([person.status, person.output]).toEqual([1, expect.stringContaining('--date: a person has no date')]);
  });
});
