/**
 * A deterministic corpus for benchmarks and load tests: N stories (~850
 * words, 2–3 headings, mentions by name, alias and `[[…]]`, relative dates),
 * N/5 people with aliases and roles, 2N events with dates at mixed precision.
 * The same N gives the same bytes.
 *
 * Mentions are spread evenly unless `hub` is given: then that share of the
 * stories also names the first person and the first event, and that share of
 * the events has the first person among its people, as a head of government
 * and a long-running affair are in a large part of a newsroom's stories.
 *
 *   node scripts/generate-corpus.ts --stories 1000 --out /tmp/corpus [--hub 0.4] [--with-seed]
 */
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { mulberry32 } from '../src/lib/random.ts';

const FIRST = ['Ada', 'Bruno', 'Clara', 'Dmitri', 'Elena', 'Farid', 'Greta', 'Hugo', 'Ines', 'Jonas', 'Kira', 'Luis', 'Maren', 'Nils', 'Olga', 'Pavel', 'Rosa', 'Sami', 'Tove', 'Ugo', 'Vera', 'Wim', 'Yara', 'Zeno'];
const SYLLABLES = ['bar', 'ven', 'tor', 'lis', 'mak', 'dor', 'sel', 'rin', 'gal', 'tes', 'kon', 'vul', 'mer', 'pan', 'sor', 'dal', 'fen', 'gor', 'hal', 'jes'];
const OFFICES = ['Minister of Finance', 'Mayor', 'Senator', 'Chief Justice', 'Ambassador', 'Party Leader', 'Governor', 'Director of Intelligence'];
const TOPICS = ['the harbour budget', 'the water treaty', 'the rail strike', 'the census law', 'the border talks', 'the court reform', 'the energy deal', 'the election audit'];
const WORDS = ('the council said that a vote on the proposal would follow after weeks of talks while critics argued the plan lacked money ' +
  'and officials warned that delays could cost the region more than expected as members met again to review the draft ' +
  'report which described how the agency had handled earlier complaints from residents and local groups').split(' ');
const RELATIVE = ['last year', 'on Friday', 'in May', 'last month', 'earlier this year', 'three days ago', 'yesterday', 'in September last year'];
const VERBS = ['said', 'met', 'argued', 'announced', 'warned'];

function surname(index: number, initial = String.fromCharCode(65 + (index % 26))): string {
  // Unique by construction: the index written in syllables, after a letter that files the
  // surnames under every letter of the people index.
  let n = index + 400;
  let out = '';
  while (n > 0) {
    out += SYLLABLES[n % SYLLABLES.length];
    n = Math.floor(n / SYLLABLES.length);
  }
  return initial + out;
}

const pad = (n: number, width = 5) => String(n).padStart(width, '0');
const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;

function date(r: () => number, fromYear: number, toYear: number, precision: 'year' | 'month' | 'day'): string {
  const year = fromYear + Math.floor(r() * (toYear - fromYear + 1));
  const month = 1 + Math.floor(r() * 12);
  const day = 1 + Math.floor(r() * 28);
  if (precision === 'year') return String(year);
  if (precision === 'month') return `${year}-${pad(month, 2)}`;
  return `${year}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** Whether item `i` is among a `share` of items spread evenly (none for 0, all for 1). */
const inShare = (i: number, share: number) => Math.floor((i + 1) * share) > Math.floor(i * share);

export function generateCorpus(out: string, stories: number, { hub = 0 }: { hub?: number } = {}): { stories: number; people: number; events: number } {
  if (!(hub >= 0 && hub <= 1)) throw new RangeError(`hub is a share of the stories, from 0 to 1, not ${hub}`);
  const r = mulberry32(stories);
  const peopleCount = Math.max(5, Math.floor(stories / 5));
  const eventCount = stories * 2;
  for (const folder of ['stories', 'people', 'events']) mkdirSync(join(out, folder), { recursive: true });

  const people = Array.from({ length: peopleCount }, (_, i) => {
    const last = surname(i);
    return { id: `person-${pad(i)}`, name: `${FIRST[i % FIRST.length]} ${last}`, last, office: pick(r, OFFICES) };
  });
  for (const p of people) {
    const from = date(r, 1995, 2015, 'month');
    writeFileSync(
      join(out, 'people', `${p.id}.md`),
      `---\nname: ${p.name}\naliases:\n  - ${p.last}\n  - ${p.office} ${p.last}\nsummary: ${p.office} in the synthetic corpus.\nroles:\n  - title: ${p.office}\n    from: ${from}\n---\n${p.name} is a figure in the generated corpus. ${p.last} appears in several stories.\n`,
    );
  }

  const events = Array.from({ length: eventCount }, (_, i) => {
    const roll = r();
    const precision = roll < 0.6 ? 'day' : roll < 0.85 ? 'month' : 'year';
    const cast = [pick(r, people), pick(r, people), ...(inShare(i, hub) ? [people[0]!] : [])].filter((p, k, a) => a.findIndex((q) => q.id === p.id) === k);
    return { id: `event-${pad(i)}`, title: `Hearing ${i + 1} on ${pick(r, TOPICS)}`, date: date(r, 2000, 2024, precision), cast };
  });
  for (const e of events) {
    writeFileSync(
      join(out, 'events', `${e.id}.md`),
      `---\ntitle: ${e.title}\ndate: ${e.date}\npeople:\n${e.cast.map((p) => `  - ${p.id}`).join('\n')}\nsummary: A generated event about a hearing.\nsources:\n  - title: Generated record ${e.id}\n---\n${e.cast.map((p) => p.name).join(' and ')} took part in the hearing.\n`,
    );
  }

  for (let i = 0; i < stories; i++) {
    const cast = [pick(r, people), pick(r, people), pick(r, people)];
    const linked = [pick(r, events), pick(r, events)];
    const sections = 2 + Math.floor(r() * 2);
    const paragraphs: string[] = [];
    for (let s = 0; s < sections; s++) {
      if (s > 0) paragraphs.push(`## Part ${s + 1} of the story`);
      for (let k = 0; k < 4; k++) {
        const sentences: string[] = [];
        for (let t = 0; t < 5; t++) {
          const words = Array.from({ length: 9 + Math.floor(r() * 6) }, () => pick(r, WORDS)).join(' ');
          const who = pick(r, cast);
          const form = r();
          const name = form < 0.4 ? who.name : form < 0.8 ? who.last : `[[${who.id}|${who.office} ${who.last}]]`;
          sentences.push(`${name} ${pick(r, VERBS)} ${pick(r, RELATIVE)} that ${words}.`);
        }
        if (k === 1) sentences.push(`The matter went back to [[${linked[s % 2]!.id}|the hearing]] again.`);
        paragraphs.push(sentences.join(' '));
      }
    }
    if (inShare(i, hub)) paragraphs.push(`${people[0]!.name} was asked about [[${events[0]!.id}|the affair]] again.`);
    const published = date(r, 2001, 2025, 'day');
    writeFileSync(
      join(out, 'stories', `story-${pad(i)}.md`),
      `---\ntitle: Story ${i + 1} on ${pick(r, TOPICS)}\npublished: ${published}\nsummary: A generated story about ${pick(r, TOPICS)}.\nevents:\n  - ${linked[0]!.id}\n---\n${paragraphs.join('\n\n')}\n`,
    );
  }
  return { stories, people: peopleCount, events: eventCount };
}

/** How the surnames of people in no story begin: accents, other scripts and digits, which the people index files apart. */
const QUIET_SURNAME = ['Éla', 'Øy', 'Zö', 'Qu', 'Xa', '50', 'Вла', 'Ελέ', '習', 'Ma'];

/**
 * Adds `count` people named in no story or event (`quiet-<n>.md`), as a
 * newsroom keeps the records of people not in the news lately: a roster
 * bigger than the stories alone would make.
 */
export function addQuietPeople(out: string, count: number): void {
  mkdirSync(join(out, 'people'), { recursive: true });
  for (let i = 0; i < count; i++) {
    const name = `${FIRST[i % FIRST.length]} ${surname(i + 100_000, QUIET_SURNAME[i % QUIET_SURNAME.length])}`;
    writeFileSync(join(out, 'people', `quiet-${pad(i)}.md`), `---\nname: ${name}\nsummary: A person in no story yet.\n---\n`);
  }
}

/**
 * Adds `count` short stories (`daily-<n>.md`) published through one year, a
 * few a day, as a daily newsroom publishes: a year with more stories than
 * its archive page lists. They name no one.
 */
export function addDailyStories(out: string, year: number, count: number): void {
  mkdirSync(join(out, 'stories'), { recursive: true });
  for (let i = 0; i < count; i++) {
    // Spread over the year's days in order: day 0 is 1 January.
    const day = new Date(Date.UTC(year, 0, 1 + Math.floor((i * 365) / count)));
    const published = day.toISOString().slice(0, 10);
    writeFileSync(join(out, 'stories', `daily-${pad(i)}.md`), `---\ntitle: Daily report ${i + 1} of ${year}\npublished: ${published}\nsummary: A short report from the council.\n---\nThe council met again and published its minutes.\n`);
  }
}

/**
 * Adds `count` events (`daily-event-<n>.md`) through one year, each with one
 * of `people` (ids), in turn: a year with more events than its timeline page
 * lists. One in ten is dated by the year alone, one in ten by the month.
 */
export function addDailyEvents(out: string, year: number, count: number, people: readonly string[]): void {
  mkdirSync(join(out, 'events'), { recursive: true });
  for (let i = 0; i < count; i++) {
    const day = new Date(Date.UTC(year, 0, 1 + Math.floor((i * 365) / count))).toISOString().slice(0, 10);
    const date = i % 10 === 0 ? String(year) : i % 10 === 1 ? day.slice(0, 7) : day;
    const cast = people.length > 0 ? `people:\n  - ${people[i % people.length]}\n` : '';
    writeFileSync(join(out, 'events', `daily-event-${pad(i)}.md`), `---\ntitle: Council sitting ${i + 1} of ${year}\ndate: ${date}\n${cast}summary: The council sat again.\n---\n`);
  }
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: { stories: { type: 'string', default: '1000' }, out: { type: 'string' }, hub: { type: 'string', default: '0' }, 'with-seed': { type: 'boolean', default: false } },
  });
  if (!values.out) {
    console.error('usage: node scripts/generate-corpus.ts --stories N --out DIR [--hub SHARE] [--with-seed]');
    process.exit(2);
  }
  const out = resolve(values.out);
  rmSync(out, { recursive: true, force: true });
  const counts = generateCorpus(out, Number(values.stories), { hub: Number(values.hub) });
  if (values['with-seed']) cpSync(resolve('content'), out, { recursive: true });
  console.log(`${counts.stories} stories, ${counts.people} people, ${counts.events} events written to ${out}`);
}
