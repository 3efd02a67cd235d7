/**
 * The relationship map in a real Astro build. A scratch copy of the project
 * gets one extra page that renders <RelationshipMap> the three ways the site
 * uses it (everyone, a person's neighbourhood, a story's cast) plus a capped
 * one, so this runs whether or not the real pages show a map yet. Checks: the
 * SVG's nodes and edges match the graph of the first story's content, ids are
 * unique on the page, the list in words matches the lines, what was left out
 * is said, the page is valid HTML, and the build's SVG is byte-for-byte what
 * the pure functions give.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { builderEnv, projectRoot, scratchDir } from './build-site.ts';
import { attributeValues } from './dist.ts';
import { HtmlValidate, type ConfigData } from 'html-validate';
import { loadContent } from '../../src/lib/load.ts';
import { assembleSite } from '../../src/lib/site.ts';
import type { PersonId } from '../../src/lib/ids.ts';
import type { PersonRecord } from '../../src/lib/records.ts';
import {
  DEFAULT_MAX_NODES,
  connectionItems,
  connectionSentence,
  describeMap,
  layoutMap,
  mapBox,
  renderMapSvg,
  selectMap,
  strokeWidth,
} from '../../src/lib/relationship-map.ts';

const { graph } = assembleSite(loadContent(join(projectRoot, 'content'), projectRoot).content, { base: '/' });
const firstStory = [...graph.storiesByDate].at(-1)!;
const JEFF = 'jeff-sessions' as PersonId;

const PAGE = `---
import RelationshipMap from '../components/RelationshipMap.astro';
import { graph } from '../data/site.ts';
import { mapOf } from '../lib/page-views.ts';
import { DEFAULT_MAX_NODES } from '../lib/relationship-map.ts';
import type { PersonId } from '../lib/ids.ts';
const story = [...graph.storiesByDate].at(-1)!;
const jeff = 'jeff-sessions' as PersonId;
const everyone = graph.peopleBySurname;
---
<!DOCTYPE html>
<html lang="en">
  <head><meta charset="utf-8"><title>Relationship maps</title></head>
  <body>
    <main>
      <RelationshipMap selection={mapOf(graph, everyone, { maxNodes: DEFAULT_MAX_NODES })} title="Who is connected to whom" />
      <RelationshipMap selection={mapOf(graph, everyone, { maxNodes: DEFAULT_MAX_NODES, focus: jeff })} title="People connected to Jeff Sessions" />
      <RelationshipMap selection={mapOf(graph, graph.storyPeople(story.id), { maxNodes: DEFAULT_MAX_NODES })} title="People in the story" />
      <RelationshipMap selection={mapOf(graph, everyone, { maxNodes: 3, focus: jeff })} title="Closest to Jeff Sessions" />
    </main>
  </body>
</html>
`;

let scratch: string;
let html: string;
let page: string;

beforeAll(() => {
  scratch = scratchDir('relationship-map');
  const site = join(scratch, 'site');
  mkdirSync(site);
  for (const entry of ['astro.config.mjs', 'package.json', 'tsconfig.json', 'src', 'public', 'content']) {
    cpSync(join(projectRoot, entry), join(site, entry), { recursive: true });
  }
  symlinkSync(join(projectRoot, 'node_modules'), join(site, 'node_modules'), 'dir');
  writeFileSync(join(site, 'src/pages/relationship-map-check.astro'), PAGE);
  const out = join(scratch, 'dist');
  const result = spawnSync(process.execPath, [join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: site,
    encoding: 'utf8',
    env: { ...builderEnv(), ASTRO_TELEMETRY_DISABLED: '1', BACKSTORY_OUT_DIR: out, BACKSTORY_CACHE_DIR: join(scratch, 'cache') },
    timeout: 240_000,
  });
  if (result.status !== 0) throw new Error(`build failed:\n${result.stdout}\n${result.stderr}`);
  page = join(out, 'relationship-map-check/index.html');
  html = readFileSync(page, 'utf8');
});

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The page's maps, in order: each figure's markup. */
function figures(): string[] {
  return [...html.matchAll(/<figure class="relationship-map"[\s\S]*?<\/figure>/g)].map((m) => m[0]);
}

interface ParsedMap {
  id: string;
  svg: string;
  lines: { key: string; weight: number; width: number }[];
  nodes: { person: string; href: string; focus: boolean }[];
  caption: string;
  list: string[];
}

function parse(figure: string): ParsedMap {
  const svg = /<svg\b[\s\S]*?<\/svg>/.exec(figure)![0];
  const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1] ?? '';
  const text = (markup: string) => markup.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim();
  return {
    id: attr(/^<figure[^>]*>/.exec(figure)![0], 'id'),
    svg,
    lines: [...svg.matchAll(/<line\b[^>]*>/g)].map(([tag]) => ({
      key: `${attr(tag, 'data-source')}-${attr(tag, 'data-target')}`,
      weight: Number(attr(tag, 'data-weight')),
      width: Number(attr(tag, 'stroke-width')),
    })),
    nodes: [...svg.matchAll(/<a\b[^>]*>/g)].map(([tag]) => ({ person: attr(tag, 'data-person'), href: attr(tag, 'href'), focus: attr(tag, 'class').includes('map-focus') })),
    caption: text(/<figcaption[^>]*>([\s\S]*?)<\/figcaption>/.exec(figure)![1]!),
    list: [...figure.matchAll(/<li\b[^>]*>([\s\S]*?)<\/li>/g)].map((m) => text(m[1]!)),
  };
}

/** What the graph says the map should hold. */
function expected(people: readonly PersonRecord[], focus?: PersonId, maxNodes = DEFAULT_MAX_NODES) {
  const selection = selectMap({ people, connections: graph.personConnections }, focus ? { maxNodes, focus } : { maxNodes });
  const onMap = new Set<string>(selection.nodes.map((n) => n.id));
  const pairs = new Map<string, number>();
  for (const id of onMap) {
    for (const c of graph.personConnections(id as PersonId)) {
      if (onMap.has(c.person.id)) pairs.set([id, c.person.id].sort().join('-'), c.weight);
    }
  }
  const max = Math.max(...pairs.values());
  return {
    selection,
    nodes: [...onMap].sort(),
    lines: [...pairs].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, weight]) => ({ key, weight, width: strokeWidth(weight, max) })),
  };
}

describe('the relationship map in a build', () => {
  const cases: [string, number, () => readonly PersonRecord[], PersonId | undefined, number][] = [
    ['everyone', 0, () => graph.peopleBySurname, undefined, DEFAULT_MAX_NODES],
    ['Jeff Sessions’s neighbourhood', 1, () => graph.peopleBySurname, JEFF, DEFAULT_MAX_NODES],
    ['the first story’s cast', 2, () => graph.storyPeople(firstStory.id), undefined, DEFAULT_MAX_NODES],
    ['capped at three', 3, () => graph.peopleBySurname, JEFF, 3],
  ];

  it('renders four maps with ids unique on the page, and no script', () => {
    expect(figures()).toHaveLength(4);
    const ids = attributeValues(html, 'id');
    expect(ids.length).toBe(new Set(ids).size);
    for (const figure of figures()) {
      const svg = parse(figure).svg;
      for (const ref of [...attributeValues(svg, 'aria-labelledby'), ...attributeValues(svg, 'aria-describedby')]) expect(ids).toContain(ref);
    }
    expect(figures().map((f) => parse(f).id)).toEqual(['relationship-map', 'relationship-map-2', 'relationship-map-3', 'relationship-map-4']);
    expect(figures().join('')).not.toMatch(/<script/i);
  });

  it('is valid HTML by the project’s rules', async () => {
    const config = JSON.parse(readFileSync(join(projectRoot, '.htmlvalidate.json'), 'utf8')) as ConfigData;
    const report = await new HtmlValidate(config).validateFile(page);
    expect(report.results.flatMap((r) => r.messages.filter((m) => m.severity === 2).map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`))).toEqual([]);
  });

  it.each(cases)('%s: nodes and edges match the graph', (_, index, people, focus, maxNodes) => {
    const map = parse(figures()[index]!);
    const want = expected(people(), focus, maxNodes);
    expect(map.nodes.map((n) => n.person).sort()).toEqual(want.nodes);
    for (const n of map.nodes) {
      expect(n.href).toBe(`/people/${n.person}/`);
      expect(n.focus).toBe(n.person === focus);
    }
    expect(map.lines).toEqual(want.lines);
    // The list in words has one item per line, naming both people and what they share.
    expect(map.list).toEqual(connectionItems(want.selection).map(connectionSentence));
    expect(map.list).toHaveLength(map.lines.length);
  });

  it('says what was left out only when something was', () => {
    const [everyone, , , capped] = figures().map(parse);
    expect(everyone!.caption).not.toMatch(/left out/);
    expect(capped!.caption).toMatch(/Showing the 2 of \d+ people connected to Jeff Sessions who share the most with them; \d+ people and \d+ connections are left out\./);
    expect(capped!.svg).toMatch(/<desc id="relationship-map-4-desc">[^<]*left out\.<\/desc>/);
  });

  it('marks the page’s own person as the current page in the list in words, as on the map', () => {
    const figure = figures()[1]!;
    const words = figure.slice(figure.indexOf('connections-in-words'));
    const current = [...words.matchAll(/<a href="([^"]+)" aria-current="page"/g)].map((m) => m[1]);
    expect(current.length).toBeGreaterThan(0);
    expect(new Set(current)).toEqual(new Set([`/people/${JEFF}/`]));
    expect(figures()[0]!).not.toContain('aria-current');
  });

  it('keeps the list in words in a closed disclosure, so its links are no Tab stops until it is opened', () => {
    for (const figure of figures()) {
      expect(figure).toMatch(/<details class="connections-in-words[^"]*"[^>]*><summary id="[^"]+"[^>]*>The (?:connection|\d+ connections) in words<\/summary>/);
      expect(figure).not.toMatch(/<details[^>]*\sopen/);
    }
  });

  it('names Jeff Sessions and Sergey Kislyak in words', () => {
    const c = graph.personConnections(JEFF).find((x) => x.person.id === 'sergey-kislyak')!;
    const shared = [c.events.length && `${c.events.length} shared event${c.events.length === 1 ? '' : 's'}`, c.stories.length && `${c.stories.length} shared stor${c.stories.length === 1 ? 'y' : 'ies'}`].filter(Boolean).join(', ');
    expect(parse(figures()[1]!).list).toContain(`Jeff Sessions and Sergey Kislyak: ${shared}`);
  });

  it('is byte for byte the SVG the pure functions give: reproducible', () => {
    const titles = ['Who is connected to whom', 'People connected to Jeff Sessions', 'People in the story', 'Closest to Jeff Sessions'];
    cases.forEach(([, index, people, focus, maxNodes]) => {
      const { selection } = expected(people(), focus, maxNodes);
      const root = index === 0 ? 'relationship-map' : `relationship-map-${index + 1}`;
      const svg = renderMapSvg(layoutMap(selection, { ...mapBox(selection), seed: 1 }), {
        title: titles[index]!,
        description: describeMap(selection),
        titleId: `${root}-title`,
        descId: `${root}-desc`,
        href: (id) => `/people/${id}/`,
      });
      expect(parse(figures()[index]!).svg).toBe(svg);
    });
  });
});
