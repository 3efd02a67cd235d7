import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate, type ConfigData } from 'html-validate';
import { forceManyBody } from 'd3-force';
import {
  MAP_LIMITS,
  MAP_FONT_SIZE,
  MAP_HEIGHT,
  MAP_WIDTH,
  STROKE,
  connectionItems,
  connectionSentence,
  describeMap,
  escapeXml,
  labelWidth,
  layoutMap,
  mapBox,
  mapIds,
  mulberry32,
  omittedText,
  renderMapSvg,
  repulsion,
  selectMap,
  sharedText,
  shortLabel,
  strokeWidth,
  topK,
  type MapInput,
  type MapLayout,
  type MapSelection,
} from '../../src/lib/relationship-map.ts';
import type { Connection } from '../../src/lib/graph.ts';
import { assembleSite } from '../../src/lib/site.ts';
import { loadContent } from '../../src/lib/load.ts';
import { formatIssue } from '../../src/lib/errors.ts';
import { partialDate, parseTimestamp } from '../../src/lib/dates.ts';
import type { EventRecord, PersonRecord, StoryRecord } from '../../src/lib/records.ts';
import type { EventId, PersonId, StoryId } from '../../src/lib/ids.ts';

const ROOT = join(import.meta.dirname, '..', '..');

// ---- Fixtures built in code ----

function person(id: string, name = id.charAt(0).toUpperCase() + id.slice(1)): PersonRecord {
  return { kind: 'person', id: id as PersonId, file: `content/people/${id}.md`, body: '', bodyLine: 6, name, aliases: [], summary: `${name}.`, roles: [], autolink: false, draft: false };
}

const anEvent: EventRecord = {
  kind: 'event', id: 'e' as EventId, file: 'content/events/e.md', body: '', bodyLine: 7, title: 'E', date: partialDate('2017'), people: [], summary: 'E.', sources: [], draft: false,
};
const published = parseTimestamp('2017-06-07');
if (!published.ok) throw new Error(published.message);
const aStory: StoryRecord = {
  kind: 'story', id: 's' as StoryId, file: 'content/stories/s.md', body: '', bodyLine: 10, title: 'S', summary: 'S.', published: published.value,
  tags: [], autolink: false, draft: false, people: [], events: [],
};

/** A pair and what they share: [a, b, events, stories]. */
type Pair = [string, string, number, number];

/**
 * People and a symmetric `connections`, as the graph gives them (each list
 * most shared first). Names default to the capitalised id.
 */
function network(ids: readonly string[], pairs: readonly Pair[], names: Record<string, string> = {}): MapInput & { people: PersonRecord[] } {
  const people = ids.map((id) => person(id, names[id]));
  const byId = new Map(people.map((p) => [p.id, p]));
  const lists = new Map<PersonId, Connection[]>();
  const add = (from: string, to: string, events: number, stories: number) => {
    const list = lists.get(from as PersonId) ?? [];
    lists.set(from as PersonId, list);
    list.push({ person: byId.get(to as PersonId)!, events: Array<EventRecord>(events).fill(anEvent), stories: Array<StoryRecord>(stories).fill(aStory), weight: events + stories });
  };
  for (const [a, b, events, stories] of pairs) {
    add(a, b, events, stories);
    add(b, a, events, stories);
  }
  for (const list of lists.values()) list.sort((x, y) => y.weight - x.weight || x.person.name.localeCompare(y.person.name));
  return { people, connections: (id) => lists.get(id) ?? [] };
}

/*
 *   a ─5─ b      a's neighbours by weight: b 5, c 3, d 2, e 1
 *   │ ╲   │      f only knows e; g knows nobody
 *   3  2  1      strengths: a 11, b 7, c 4, d 3, e 3, f 2, g 0
 *   │    ╲│
 *   c     d      (c–b 1 too)
 *   a ─1─ e ─2─ f
 */
const PAIRS: Pair[] = [
  ['a', 'b', 4, 1],
  ['a', 'c', 2, 1],
  ['a', 'd', 1, 1],
  ['a', 'e', 0, 1],
  ['b', 'd', 1, 0],
  ['b', 'c', 1, 0],
  ['e', 'f', 1, 1],
];
const IDS = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
const net = network(IDS, PAIRS);

const nodeIds = (s: MapSelection) => s.nodes.map((n) => n.id as string);
const edgeKeys = (s: Pick<MapSelection, 'edges'>) => s.edges.map((e) => `${e.source}-${e.target}:${e.weight}`);

/** Deterministic shuffle. */
function shuffle<T>(list: readonly T[], seed: number): T[] {
  const random = mulberry32(seed);
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** The same network with people and every connection list in another order. */
function shuffled(input: MapInput, seed: number): MapInput {
  return {
    people: shuffle([...input.people.values()], seed),
    connections: (id) => shuffle(input.connections(id), seed + id.length),
  };
}

// ---- Selection ----

describe('selectMap', () => {
  it.each<{ name: string; focus?: string; maxNodes: number; people?: string[]; nodes: string[]; edges: string[]; omittedPeople: number; omittedEdges: number }>([
    {
      name: 'a focus and all their neighbours, with the edges among the neighbours',
      focus: 'a', maxNodes: 10,
      nodes: ['a', 'b', 'c', 'd', 'e'],
      edges: ['a-b:5', 'a-c:3', 'a-d:2', 'a-e:1', 'b-c:1', 'b-d:1'],
      omittedPeople: 0, omittedEdges: 0,
    },
    {
      name: 'a focus capped by weight: the closest neighbours stay',
      focus: 'a', maxNodes: 3,
      nodes: ['a', 'b', 'c'],
      edges: ['a-b:5', 'a-c:3', 'b-c:1'],
      // d and e; a–d, a–e, b–d. (e–f is not in a's neighbourhood.)
      omittedPeople: 2, omittedEdges: 3,
    },
    {
      name: 'a focus on the edge of the network: one step out only',
      focus: 'f', maxNodes: 10,
      nodes: ['e', 'f'],
      edges: ['e-f:2'],
      omittedPeople: 0, omittedEdges: 0,
    },
    {
      name: 'a focus with nobody to connect to',
      focus: 'g', maxNodes: 10,
      nodes: ['g'], edges: [], omittedPeople: 0, omittedEdges: 0,
    },
    {
      name: 'maxNodes 1 keeps only the focus',
      focus: 'a', maxNodes: 1,
      nodes: ['a'], edges: [], omittedPeople: 4, omittedEdges: 6,
    },
    {
      name: 'no focus: everyone, when they fit',
      maxNodes: 10,
      nodes: IDS,
      edges: ['a-b:5', 'a-c:3', 'a-d:2', 'a-e:1', 'b-c:1', 'b-d:1', 'e-f:2'],
      omittedPeople: 0, omittedEdges: 0,
    },
    {
      name: 'no focus: the most connected (sum of weights), ties by id',
      maxNodes: 4,
      // a 11, b 7, c 4, then d and e tie at 3: d by id. e, f (2) and g (0) are left out, with a–e and e–f.
      nodes: ['a', 'b', 'c', 'd'],
      edges: ['a-b:5', 'a-c:3', 'a-d:2', 'b-c:1', 'b-d:1'],
      omittedPeople: 3, omittedEdges: 2,
    },
    {
      name: 'a cast: only those people, ranked by what they share among themselves',
      maxNodes: 2, people: ['b', 'c', 'd', 'e'],
      // Among b, c, d, e: b 2, c 1, d 1, e 0.
      nodes: ['b', 'c'],
      edges: ['b-c:1'],
      omittedPeople: 2, omittedEdges: 1,
    },
    {
      name: 'a focus within a cast',
      focus: 'a', maxNodes: 10, people: ['a', 'c', 'e', 'f'],
      nodes: ['a', 'c', 'e'],
      edges: ['a-c:3', 'a-e:1'],
      omittedPeople: 0, omittedEdges: 0,
    },
  ])('$name', ({ focus, maxNodes, people, nodes, edges, omittedPeople, omittedEdges }) => {
    const input = people ? { ...net, people: net.people.filter((p) => people.includes(p.id)) } : net;
    const s = selectMap(input, focus ? { maxNodes, focus: focus as PersonId } : { maxNodes });
    expect(nodeIds(s)).toEqual(nodes);
    expect(edgeKeys(s)).toEqual(edges);
    expect({ omittedPeople: s.omittedPeople, omittedEdges: s.omittedEdges }).toEqual({ omittedPeople, omittedEdges });
    expect(s.nodes.filter((n) => n.focus).map((n) => n.id)).toEqual(focus ? [focus] : []);
    expect(s.focus).toBe(focus);
    // Edges join nodes on the map, each unordered pair once, source before target.
    const onMap = new Set(nodeIds(s));
    const seen = new Set<string>();
    for (const e of s.edges) {
      expect(onMap.has(e.source) && onMap.has(e.target)).toBe(true);
      expect(e.source < e.target).toBe(true);
      expect(e.weight).toBe(e.events + e.stories);
      expect(seen.has(`${e.source}|${e.target}`)).toBe(false);
      seen.add(`${e.source}|${e.target}`);
    }
  });

  it('takes events and stories from the connections', () => {
    const s = selectMap(net, { maxNodes: 10 });
    expect(s.edges.find((e) => e.source === 'a' && e.target === 'b')).toEqual({ source: 'a', target: 'b', events: 4, stories: 1, weight: 5 });
    expect(s.nodes.find((n) => n.id === 'a')).toEqual({ id: 'a', name: 'A', strength: 11, focus: false });
  });

  it('draws a pair once even when only one side lists it', () => {
    const oneSided: MapInput = { people: net.people, connections: (id) => (id === 'a' ? net.connections(id) : []) };
    expect(edgeKeys(selectMap(oneSided, { maxNodes: 10 }))).toEqual(['a-b:5', 'a-c:3', 'a-d:2', 'a-e:1']);
  });

  it('never shows more than the hard limit', () => {
    const many = network(Array.from({ length: 200 }, (_, i) => `p${i}`), []);
    const s = selectMap(many, { maxNodes: 10_000 });
    expect(s.nodes).toHaveLength(MAP_LIMITS.maxNodes);
    expect(s.omittedPeople).toBe(200 - MAP_LIMITS.maxNodes);
  });

  it('rejects a focus who is not among the people', () => {
    expect(() => selectMap({ ...net, people: net.people.slice(1) }, { maxNodes: 5, focus: 'a' as PersonId })).toThrow(/focus "a"/);
  });

  it('reads the connections of the neighbourhood only, not of everyone', () => {
    const calls: string[] = [];
    selectMap({ people: net.people, connections: (id) => (calls.push(id), net.connections(id)) }, { maxNodes: 10, focus: 'f' as PersonId });
    expect(calls.sort()).toEqual(['e', 'f', 'f']);
  });

  it('with a focus, looks up the people given as a map instead of going through them all', () => {
    // A person page passes the map of everyone: going through it on every page would make the pages' work grow with the square of the people.
    class LookupOnly<K, V> extends Map<K, V> {
      override [Symbol.iterator](): MapIterator<[K, V]> {
        throw new Error('went through every person');
      }
      override values(): MapIterator<V> {
        throw new Error('went through every person');
      }
      override forEach(): void {
        throw new Error('went through every person');
      }
    }
    const everyone = new LookupOnly(net.people.map((p) => [p.id, p] as const));
    const fromMap = selectMap({ people: everyone, connections: net.connections }, { maxNodes: 3, focus: 'a' as PersonId });
    expect(fromMap).toEqual(selectMap(net, { maxNodes: 3, focus: 'a' as PersonId }));
    expect(() => selectMap({ people: everyone, connections: net.connections }, { maxNodes: 3 })).toThrow(/every person/);
  });
});

describe('topK', () => {
  it.each<[number[], number, number[]]>([
    [[5, 1, 4, 2, 3], 3, [1, 2, 3]],
    [[5, 1, 4, 2, 3], 10, [1, 2, 3, 4, 5]],
    [[5, 1, 4], 0, []],
    [[], 2, []],
    [[2, 2, 1, 1], 3, [1, 1, 2]],
  ])('topK(%j, %i) in order', (items, k, expected) => {
    expect(topK(items, k, (a, b) => a - b)).toEqual(expected);
  });
});

// ---- Determinism ----

describe('determinism', () => {
  const layoutOf = (input: MapInput, focus?: string) => {
    const s = selectMap(input, focus ? { maxNodes: 6, focus: focus as PersonId } : { maxNodes: 6 });
    return layoutMap(s, { ...mapBox(s), seed: 7 });
  };

  it.each([undefined, 'a', 'b'])('the same selection and layout for shuffled input (focus %s)', (focus) => {
    const reference = JSON.stringify(layoutOf(net, focus));
    for (const seed of [1, 2, 3, 4, 5]) expect(JSON.stringify(layoutOf(shuffled(net, seed), focus))).toBe(reference);
  });

  it('byte-identical JSON and SVG from run to run', () => {
    const svg = (layout: MapLayout) => renderMapSvg(layout, { title: 't', description: 'd', titleId: 't', descId: 'd', href: (id) => `/people/${id}/` });
    const first = layoutOf(net);
    const second = layoutOf(network(IDS, PAIRS));
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
    expect(svg(second)).toBe(svg(first));
  });

  it('coordinates are rounded to one decimal', () => {
    const layout = layoutOf(net);
    const numbers = [...layout.nodes.flatMap((n) => [n.x, n.y, n.labelY, n.box.x, n.box.y, n.box.width, n.box.height]), ...layout.edges.flatMap((e) => [e.x1, e.y1, e.x2, e.y2])];
    for (const value of numbers) expect(Math.round(value * 10) / 10).toBe(value);
  });

  it('the seed changes the picture, not the content', () => {
    const s = selectMap(net, { maxNodes: 10 });
    const [one, two] = [1, 2].map((seed) => layoutMap(s, { ...mapBox(s), seed }));
    expect(one!.nodes.map((n) => n.id)).toEqual(two!.nodes.map((n) => n.id));
    expect(edgeKeys(one!)).toEqual(edgeKeys(two!));
  });

  it('mulberry32 repeats its sequence for a seed', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const seq = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(seq);
    for (const x of seq) expect(x >= 0 && x < 1).toBe(true);
  });
});

// ---- Layout ----

/** Checks that every node's circle, label and target fit in the box and that no two footprints overlap. */
function expectTidy(layout: MapLayout): void {
  for (const n of layout.nodes) {
    expect(n.box.x, n.id).toBeGreaterThanOrEqual(0);
    expect(n.box.y, n.id).toBeGreaterThanOrEqual(0);
    expect(n.box.x + n.box.width, n.id).toBeLessThanOrEqual(layout.width);
    expect(n.box.y + n.box.height, n.id).toBeLessThanOrEqual(layout.height);
    // The circle and the label are inside the footprint.
    expect(n.x - n.r).toBeGreaterThanOrEqual(n.box.x);
    expect(n.x + n.r).toBeLessThanOrEqual(n.box.x + n.box.width + 0.1);
    expect(n.y - n.r).toBeGreaterThanOrEqual(n.box.y - 0.1);
    expect(n.labelY).toBeLessThanOrEqual(n.box.y + n.box.height);
    const half = labelWidth(n.label, layout.fontSize, n.focus) / 2;
    expect(n.x - half).toBeGreaterThanOrEqual(n.box.x - 0.1);
    expect(n.x + half).toBeLessThanOrEqual(n.box.x + n.box.width + 0.1);
  }
  for (let i = 0; i < layout.nodes.length; i++) {
    for (let j = i + 1; j < layout.nodes.length; j++) {
      const a = layout.nodes[i]!.box;
      const b = layout.nodes[j]!.box;
      const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
      expect(apart, `${layout.nodes[i]!.id} and ${layout.nodes[j]!.id} overlap`).toBe(true);
    }
  }
  for (const e of layout.edges) {
    const a = layout.nodes.find((n) => n.id === e.source)!;
    const b = layout.nodes.find((n) => n.id === e.target)!;
    expect([e.x1, e.y1, e.x2, e.y2]).toEqual([a.x, a.y, b.x, b.y]);
  }
}

describe('layoutMap', () => {
  it.each<[string, number, string | undefined]>([
    ['everyone', 10, undefined],
    ['a neighbourhood', 10, 'a'],
    ['a small neighbourhood', 2, 'a'],
    ['one person', 1, 'g'],
  ])('%s fits the box without overlaps', (_, maxNodes, focus) => {
    const s = selectMap(net, focus ? { maxNodes, focus: focus as PersonId } : { maxNodes });
    const layout = layoutMap(s, { ...mapBox(s), seed: 1 });
    expect(layout.width).toBe(MAP_WIDTH);
    expect(layout.fontSize).toBe(MAP_FONT_SIZE);
    expect(layout.nodes.map((n) => n.id)).toEqual(nodeIds(s));
    expectTidy(layout);
  });

  it.each([8, 16, 24, 40])('%i people with long names fit without overlaps', (count) => {
    const ids = Array.from({ length: count }, (_, i) => `p${String(i).padStart(2, '0')}`);
    const names = Object.fromEntries(ids.map((id, i) => [id, `Maximiliana ${'Oppenheimer-'.repeat(1 + (i % 2))}Smith ${i}`]));
    const pairs: Pair[] = ids.flatMap((id, i) => [[id, ids[(i + 1) % count]!, 1, 1], [id, ids[(i * 7 + 3) % count]!, i % 3, 1]] as Pair[]).filter(([a, b]) => a !== b);
    const big = network(ids, pairs, names);
    const s = selectMap(big, { maxNodes: count });
    const layout = layoutMap(s, { ...mapBox(s), seed: 3 });
    expect(layout.nodes).toHaveLength(count);
    expectTidy(layout);
  });

  it('highlights the focus: larger, in the middle of the neighbourhood', () => {
    const s = selectMap(net, { maxNodes: 10, focus: 'a' as PersonId });
    const layout = layoutMap(s, { ...mapBox(s), seed: 1 });
    const focus = layout.nodes.find((n) => n.focus)!;
    expect(focus.id).toBe('a');
    expect(layout.focus).toBe('a');
    for (const n of layout.nodes) if (n !== focus) expect(n.r).toBeLessThan(focus.r);
  });

  it('weights the edges: stroke width from the weight, relative to the heaviest on the map', () => {
    const s = selectMap(net, { maxNodes: 10 });
    const layout = layoutMap(s, { ...mapBox(s), seed: 1 });
    for (const e of layout.edges) expect(e.strokeWidth).toBe(strokeWidth(e.weight, 5));
  });

  it('caps the ticks', () => {
    const s = selectMap(net, { maxNodes: 10 });
    const box = mapBox(s);
    expect(JSON.stringify(layoutMap(s, { ...box, seed: 1, ticks: 1e9 }))).toBe(JSON.stringify(layoutMap(s, { ...box, seed: 1, ticks: MAP_LIMITS.ticks })));
  });

  it('gives a taller box to more people and longer names, within limits', () => {
    const crowd = (count: number, name: (i: number) => string) =>
      mapBox(selectMap(network(Array.from({ length: count }, (_, i) => `p${i}`), [], Object.fromEntries(Array.from({ length: count }, (_, i) => [`p${i}`, name(i)]))), { maxNodes: count }));
    const short = [1, 2, 8, 16, 24, 40, 60].map((n) => crowd(n, (i) => `Al ${i}`).height);
    const long = [1, 2, 8, 16, 24, 40, 60].map((n) => crowd(n, (i) => `Maximiliana Oppenheimer-Wiśniewska${i}`).height);
    expect(short).toEqual([...short].sort((a, b) => a - b));
    expect(long).toEqual([...long].sort((a, b) => a - b));
    for (let i = 0; i < short.length; i++) expect(long[i]!).toBeGreaterThanOrEqual(short[i]!);
    expect(long[3]!).toBeGreaterThan(short[3]!);
    for (const h of [...short, ...long]) expect(h >= MAP_HEIGHT.min && h <= MAP_HEIGHT.max).toBe(true);
    expect(crowd(3, () => 'X').width).toBe(MAP_WIDTH);
  });
});

describe('repulsion', () => {
  // d3's many-body force with theta 0 visits every pair: the exact sum ours computes directly.
  const cases: [string, [number, number][], number][] = [
    ['scattered', [[10, 20], [300, 40], [150, 400], [20, 500], [560, 90], [290, 260]], 1000],
    ['some beyond distanceMax', [[0, 0], [5, 5], [900, 900], [905, 880]], 100],
    ['closer than a pixel', [[100, 100], [100.4, 100.3], [400, 100]], 1000],
    ['nearly on one line', [[0, 50], [40, 50.5], [80, 49.5], [80.5, 90]], 1000],
  ];
  it.each(cases)('moves every node as d3 does (%s)', (_, points, distanceMax) => {
    const mine = points.map(([x, y]) => ({ x, y, vx: 0, vy: 0 }));
    const d3s = points.map(([x, y]) => ({ x, y, vx: 0, vy: 0 }));
    const ours = repulsion(mine, -300, distanceMax);
    ours.initialize(mine, mulberry32(1));
    const theirs = forceManyBody<(typeof d3s)[number]>().strength(-300).distanceMax(distanceMax).theta(0);
    theirs.initialize(d3s, mulberry32(1));
    ours(0.5);
    theirs(0.5);
    // The same sums in another order: equal but for the last digits.
    const near = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
    for (const [i, node] of mine.entries()) {
      expect(near(node.vx, d3s[i]!.vx), `vx of node ${i}: ${node.vx} vs ${d3s[i]!.vx}`).toBe(true);
      expect(near(node.vy, d3s[i]!.vy), `vy of node ${i}: ${node.vy} vs ${d3s[i]!.vy}`).toBe(true);
    }
    // Something moved, and only within reach.
    expect(mine.some((n) => n.vx !== 0 || n.vy !== 0)).toBe(true);
  });

  it('pushes two people on the same spot apart, the same way for the same seed', () => {
    const once = () => {
      const nodes = [{ x: 5, y: 5, vx: 0, vy: 0 }, { x: 5, y: 5, vx: 0, vy: 0 }];
      const force = repulsion(nodes, -300, 1000);
      force.initialize(nodes, mulberry32(3));
      force(1);
      return nodes;
    };
    const [a, b] = once();
    expect(a!.vx).not.toBe(0);
    expect(a!.vx).toBe(-b!.vx);
    expect(JSON.stringify(once())).toBe(JSON.stringify([a, b]));
  });
});

// ---- Sizes and words ----

describe('strokeWidth', () => {
  it('grows with weight, from 1 px at weight 1 to 6 px at the heaviest', () => {
    for (const max of [1, 2, 6, 11, 50, 1000]) {
      const widths = Array.from({ length: max }, (_, i) => strokeWidth(i + 1, max));
      expect(widths[0]).toBe(STROKE.min);
      for (let i = 1; i < widths.length; i++) expect(widths[i]!).toBeGreaterThanOrEqual(widths[i - 1]!);
      for (const w of widths) expect(w >= STROKE.min && w <= STROKE.max).toBe(true);
      if (max >= 6) expect(widths.at(-1)).toBe(STROKE.max);
    }
  });

  it.each<[number, number, number]>([
    [1, 11, 1],
    [11, 11, 6],
    [6, 11, 4.5],
    // A map whose heaviest pair shares two things keeps thin lines.
    [2, 2, 3.2],
    [3, 3, 4.2],
  ])('strokeWidth(%i, max %i) = %f', (weight, max, expected) => {
    expect(strokeWidth(weight, max)).toBe(expected);
  });

  it('is strictly increasing for small weights', () => {
    const widths = [1, 2, 3, 4, 5, 6].map((w) => strokeWidth(w, 6));
    for (let i = 1; i < widths.length; i++) expect(widths[i]!).toBeGreaterThan(widths[i - 1]!);
  });
});

describe('labels and words', () => {
  it.each<[string, string]>([
    ['Jeff Sessions', 'Jeff Sessions'],
    ['  Rod   Rosenstein ', 'Rod Rosenstein'],
    ['Ingrid Søndergaard', 'Søndergaard'],
    ['Tomasz Wiśniewski', 'Wiśniewski'],
    ['Aurélie Dubois-Mercier', 'Dubois-Mercier'],
    ['Maximiliana Oppenheimer-Smith', 'Oppenheimer-Smi…'],
    ['Abcdefghijklmnop', 'Abcdefghijklmnop'],
    ['Abcdefghijklmnopq', 'Abcdefghijklmno…'],
    ['Jean-Claude Van Damme', 'Van Damme'],
    ['Zoë Ødegaard-Łukasiewicz', 'Ødegaard-Łukasi…'],
    ['Robert S. Mueller III', 'Mueller III'],
    ['Henrik Lindqvist Jr.', 'Lindqvist Jr.'],
    ['Maximilian Oppenheimer Jr.', 'Oppenheimer Jr.'],
    ['Maximiliana Kettering-Holt Jr.', 'Kettering-Holt'],
    ['Recep Tayyip Erdoğan', 'Erdoğan'],
    ['Alexander Van der Bellen', 'Van der Bellen'],
  ])('shortLabel(%j) = %j', (name, expected) => {
    expect(shortLabel(name)).toBe(expected);
    expect(Array.from(shortLabel(name)).length).toBeLessThanOrEqual(16);
  });

  it('takes the surname from how the person is filed', () => {
    expect(shortLabel('Andrés Manuel López Obrador', 16, 'López Obrador, Andrés Manuel')).toBe('López Obrador');
    expect(shortLabel('Andrés Manuel López Obrador')).toBe('Obrador');
    // A label is words of the name, which is the link's name.
    expect(shortLabel('Li Wei-Ming Zhang', 16, 'Lee, Wei-Ming')).toBe('Li Wei-Ming Zha…');
  });

  // Widths of the seed's names at 24 px in DejaVu Sans, a wide fallback for system-ui, measured in Chromium.
  it.each<[string, number]>([
    ['Donald Trump', 167],
    ['Hillary Clinton', 169],
    ['James Comey', 164],
    ['Jeff Sessions', 150],
    ['Michael Flynn', 165],
    ['Robert Mueller', 176],
    ['Rod Rosenstein', 184],
    ['Sergey Kislyak', 176],
  ])('labelWidth(%j) is a generous estimate of %i units', (name, measured) => {
    expect(labelWidth(name, 24)).toBeGreaterThanOrEqual(measured);
    expect(labelWidth(name, 24)).toBeLessThanOrEqual(measured * 1.3);
    expect(labelWidth(name, 24, true)).toBeGreaterThan(labelWidth(name, 24));
  });

  it('labelWidth allows for bold: the focus label "Jeff Sessions" measures 171 units', () => {
    expect(labelWidth('Jeff Sessions', 24, true)).toBeGreaterThanOrEqual(171);
  });

  it.each<[number, number, string]>([
    [3, 1, '3 shared events, 1 shared story'],
    [1, 2, '1 shared event, 2 shared stories'],
    [0, 1, '1 shared story'],
    [2, 0, '2 shared events'],
    [1200, 0, '1,200 shared events'],
  ])('sharedText(%i events, %i stories)', (events, stories, expected) => {
    expect(sharedText({ events, stories })).toBe(expected);
  });

  it.each<{ name: string; focus?: string; maxNodes: number; description: string; omitted: string }>([
    {
      name: 'everyone',
      maxNodes: 10,
      description: '7 people and 7 connections between them, through the events and stories they share. Thicker lines mean more in common.',
      omitted: '',
    },
    {
      name: 'the most connected',
      maxNodes: 4,
      description: '4 people and 5 connections between them, through the events and stories they share. Thicker lines mean more in common. Showing the 4 most connected of 7 people; 3 people and 2 connections are left out.',
      omitted: 'Showing the 4 most connected of 7 people; 3 people and 2 connections are left out.',
    },
    {
      name: 'a neighbourhood',
      focus: 'a', maxNodes: 3,
      description: 'A and 2 people who share events or stories with them: 3 people, 3 connections. Thicker lines mean more in common. Showing the 2 of 4 people connected to A who share the most with them; 2 people and 3 connections are left out.',
      omitted: 'Showing the 2 of 4 people connected to A who share the most with them; 2 people and 3 connections are left out.',
    },
    {
      name: 'a whole neighbourhood of one',
      focus: 'f', maxNodes: 3,
      description: 'F and 1 person who share events or stories with them: 2 people, 1 connection. Thicker lines mean more in common.',
      omitted: '',
    },
  ])('describeMap and omittedText: $name', ({ focus, maxNodes, description, omitted }) => {
    const s = selectMap(net, focus ? { maxNodes, focus: focus as PersonId } : { maxNodes });
    expect(describeMap(s)).toBe(description);
    expect(omittedText(s)).toBe(omitted);
  });

  it('lists the focus’s own connections first, named first, then the others, each heaviest first', () => {
    const s = selectMap(net, { maxNodes: 10, focus: 'b' as PersonId });
    expect(connectionItems(s).map(connectionSentence)).toEqual([
      'B and A: 4 shared events, 1 shared story',
      'B and C: 1 shared event',
      'B and D: 1 shared event',
      'A and C: 2 shared events, 1 shared story',
      'A and D: 1 shared event, 1 shared story',
    ]);
  });

  it('on a story’s map, counts what its people share besides the story, and joins no pair that shares only it', () => {
    // A story's cast: every pair shares the story (one story each), some share more.
    const cast = network(['a', 'b', 'c'], [['a', 'b', 2, 3], ['a', 'c', 0, 1], ['b', 'c', 1, 1]]);
    const s = selectMap(cast, { maxNodes: 10, sharedByAll: true });
    expect(connectionItems(s).map(connectionSentence)).toEqual(['A and B: 2 shared events, 2 shared stories', 'B and C: 1 shared event']);
    expect(s.nodes.map((n) => [n.id, n.strength])).toEqual([['a', 4], ['b', 5], ['c', 1]]);
    expect(describeMap(s)).toBe('3 people and 2 connections between them, through the events and stories they share besides this one. Thicker lines mean more in common.');
    expect(omittedText(s)).toBe('');
  });

  it('escapes text for markup', () => {
    expect(escapeXml(`<a href="x">Tom & Jerry's</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;');
  });

  it('ids: unique per scope, the same on every build, or as given', () => {
    const page = {};
    expect([mapIds(page).root, mapIds(page).root, mapIds({}).root]).toEqual(['relationship-map', 'relationship-map-2', 'relationship-map']);
    expect(mapIds(page, 'cast')).toEqual({ root: 'cast', title: 'cast-title', desc: 'cast-desc', list: 'cast-list' });
  });
});

// ---- The SVG ----

interface ParsedSvg {
  viewBox: string;
  role: string;
  labelledBy: string;
  describedBy: string;
  title: string;
  desc: string;
  lines: { source: string; target: string; weight: number; width: number; x1: number; y1: number; x2: number; y2: number }[];
  nodes: { person: string; href: string; focus: boolean; cx: number; cy: number; label: string }[];
}

const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

function parseSvg(svg: string): ParsedSvg {
  const open = /^<svg\b[^>]*>/.exec(svg)![0];
  return {
    viewBox: attr(open, 'viewBox')!,
    role: attr(open, 'role')!,
    labelledBy: attr(open, 'aria-labelledby')!,
    describedBy: attr(open, 'aria-describedby')!,
    title: /<title id="[^"]*">([^<]*)<\/title>/.exec(svg)![1]!,
    desc: /<desc id="[^"]*">([^<]*)<\/desc>/.exec(svg)![1]!,
    lines: [...svg.matchAll(/<line\b[^>]*>/g)].map(([tag]) => ({
      source: attr(tag, 'data-source')!,
      target: attr(tag, 'data-target')!,
      weight: Number(attr(tag, 'data-weight')),
      width: Number(attr(tag, 'stroke-width')),
      x1: Number(attr(tag, 'x1')), y1: Number(attr(tag, 'y1')), x2: Number(attr(tag, 'x2')), y2: Number(attr(tag, 'y2')),
    })),
    nodes: [...svg.matchAll(/(<a\b[^>]*>)(?:<title>[^<]*<\/title>)?<rect\b[^>]*><\/rect>(<circle\b[^>]*>)<\/circle><text\b[^>]*>([^<]*)<\/text><\/a>/g)].map(([, a, circle, label]) => ({
      person: attr(a!, 'data-person')!,
      href: attr(a!, 'href')!,
      focus: attr(a!, 'class') === 'map-node map-focus',
      cx: Number(attr(circle!, 'cx')),
      cy: Number(attr(circle!, 'cy')),
      label: label!,
    })),
  };
}

describe('renderMapSvg', () => {
  it('escapes every text and attribute', () => {
    const evil = network(['x', 'y'], [['x', 'y', 1, 1]], { x: '<script>alert("x")</script>', y: `O'Brien & "Sons"` });
    const s = selectMap(evil, { maxNodes: 5 });
    const svg = renderMapSvg(layoutMap(s, { ...mapBox(s), seed: 1 }), {
      title: 'A <b>map</b>',
      description: describeMap(s),
      titleId: 't"1',
      descId: 'd<1',
      href: (id) => `/people/${id}/?a=1&b="2"`,
    });
    expect(svg).not.toMatch(/<script|<b>|b="2"|O'Brien/);
    expect(svg).toContain('<title id="t&quot;1">A &lt;b&gt;map&lt;/b&gt;</title>');
    expect(svg).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(svg).toContain('O&#39;Brien &amp; &quot;Sons&quot;');
    expect(svg).toContain('href="/people/x/?a=1&amp;b=&quot;2&quot;"');
  });

  it('gives a truncated label its full name as a tooltip', () => {
    const long = network(['x', 'y'], [['x', 'y', 1, 0]], { x: 'Maximiliana Oppenheimer-Smith' });
    const s = selectMap(long, { maxNodes: 5 });
    const svg = renderMapSvg(layoutMap(s, { ...mapBox(s), seed: 1 }), { title: 't', description: 'd', titleId: 't', descId: 'd', href: (id) => `/people/${id}/` });
    expect(svg).toContain('<title>Maximiliana Oppenheimer-Smith</title>');
    expect(svg).toContain('>Oppenheimer-Smi…</text>');
  });
});

describe('the map of the seed content', () => {
  const loaded = loadContent(join(ROOT, 'content'), ROOT);
  const { graph } = assembleSite(loaded.content, { base: '/' });
  const config = JSON.parse(readFileSync(join(ROOT, '.htmlvalidate.json'), 'utf8')) as ConfigData;

  const render = (people: readonly PersonRecord[], focus?: PersonId, maxNodes = 16) => {
    const selection = selectMap({ people, connections: graph.personConnections }, focus ? { maxNodes, focus } : { maxNodes });
    const layout = layoutMap(selection, { ...mapBox(selection), seed: 1 });
    const svg = renderMapSvg(layout, { title: 'Who is connected', description: describeMap(selection), titleId: 'm-title', descId: 'm-desc', href: (id) => `/people/${id}/` });
    return { selection, layout, svg, parsed: parseSvg(svg) };
  };

  /** Every pair of people on the map that the graph connects, with the width its weight gives. */
  function expected(onMap: readonly string[]) {
    const set = new Set(onMap);
    const pairs = new Map<string, number>();
    for (const id of onMap) {
      for (const c of graph.personConnections(id as PersonId)) {
        if (!set.has(c.person.id)) continue;
        const [a, b] = [id, c.person.id].sort();
        pairs.set(`${a}-${b}`, c.weight);
      }
    }
    const max = Math.max(...pairs.values());
    return [...pairs].map(([key, weight]) => ({ key, weight, width: strokeWidth(weight, max) })).sort((x, y) => (x.key < y.key ? -1 : 1));
  }

  it('loads', () => {
    expect(loaded.issues.map(formatIssue)).toEqual([]);
  });

  it.each<[string, () => { people: readonly PersonRecord[]; focus?: PersonId }]>([
    ['focus jeff-sessions', () => ({ people: graph.peopleBySurname, focus: 'jeff-sessions' as PersonId })],
    ['everyone', () => ({ people: graph.peopleBySurname })],
    ['the first story', () => ({ people: graph.storyPeople(graph.storiesByDate.at(-1)!.id) })],
  ])('%s: nodes and edges match the graph exactly', (_, setup) => {
    const { people, focus } = setup();
    const { parsed, layout } = render(people, focus);
    const wanted = focus ? [focus, ...graph.personConnections(focus).map((c) => c.person.id)] : people.map((p) => p.id);
    expect(parsed.nodes.map((n) => n.person).sort()).toEqual([...wanted].sort());
    for (const n of parsed.nodes) {
      expect(n.href).toBe(`/people/${n.person}/`);
      expect(n.label).toBe(escapeXml(shortLabel(graph.people.get(n.person as PersonId)!.name)));
      expect(n.focus).toBe(n.person === focus);
    }
    expect(parsed.lines.map((l) => ({ key: `${l.source}-${l.target}`, weight: l.weight, width: l.width }))).toEqual(expected(wanted));
    // Lines run between the circles they join.
    const at = new Map(parsed.nodes.map((n) => [n.person, n]));
    for (const l of parsed.lines) expect([l.x1, l.y1, l.x2, l.y2]).toEqual([at.get(l.source)!.cx, at.get(l.source)!.cy, at.get(l.target)!.cx, at.get(l.target)!.cy]);
    expect(parsed.viewBox).toBe(`0 0 ${layout.width} ${layout.height}`);
    expect([parsed.role, parsed.labelledBy, parsed.describedBy]).toEqual(['group', 'm-title', 'm-desc']);
    expect(parsed.title).toBe('Who is connected');
    const n = wanted.length;
    const m = expected(wanted).length;
    expect(parsed.desc).toContain(focus ? `${n} people, ${m} connections.` : `${n} people and ${m} connections between them`);
    expectTidy(layout);
  });

  it('Jeff Sessions and Sergey Kislyak, in words', () => {
    const { selection } = render(graph.peopleBySurname, 'jeff-sessions' as PersonId);
    const kislyak = graph.personConnections('jeff-sessions' as PersonId).find((c) => c.person.id === 'sergey-kislyak')!;
    expect(connectionItems(selection).map(connectionSentence)).toContain(
      `Jeff Sessions and Sergey Kislyak: ${sharedText({ events: kislyak.events.length, stories: kislyak.stories.length })}`,
    );
  });

  it('capped: the closest neighbours, and the rest said to be left out', () => {
    const { parsed, selection } = render(graph.peopleBySurname, 'jeff-sessions' as PersonId, 4);
    const closest = graph.personConnections('jeff-sessions' as PersonId).slice(0, 3).map((c) => c.person.id);
    expect(parsed.nodes.map((n) => n.person).sort()).toEqual(['jeff-sessions', ...closest].sort());
    expect(parsed.lines.map((l) => `${l.source}-${l.target}`)).toEqual(expected(['jeff-sessions', ...closest]).map((e) => e.key));
    expect(selection.omittedPeople).toBe(graph.personConnections('jeff-sessions' as PersonId).length - 3);
    expect(parsed.desc).toMatch(/left out\.$/);
  });

  it('is valid markup inside a page', async () => {
    const { svg } = render(graph.peopleBySurname, 'jeff-sessions' as PersonId);
    const page = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Map</title></head><body><main><figure class="relationship-map">${svg}<figcaption>Caption.</figcaption></figure></main></body></html>`;
    const report = await new HtmlValidate(config).validateString(page, 'map.html');
    expect(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`))).toEqual([]);
  });
});

// ---- Thousands of people ----

describe('3,000 people', () => {
  const COUNT = 3000;
  const random = mulberry32(2024);
  const ids = Array.from({ length: COUNT }, (_, i) => `person-${String(i).padStart(4, '0')}`);
  const seen = new Set<string>();
  const pairs: Pair[] = [];
  // About five connections each; low numbers are hubs.
  for (let k = 0; k < COUNT * 5; k++) {
    const a = ids[Math.floor(COUNT * random() ** 3)]!;
    const b = ids[Math.floor(COUNT * random())]!;
    const key = a < b ? `${a}|${b}` : `${b}|${a}`;
    if (a === b || seen.has(key)) continue;
    seen.add(key);
    pairs.push([a, b, Math.floor(random() * 4), 1 + Math.floor(random() * 2)]);
  }
  const big = network(ids, pairs);

  it.each<[string, number, string | undefined]>([
    ['the most connected', 20, undefined],
    ['a hub’s neighbourhood', 12, 'person-0001'],
  ])('%s: maxNodes people, the rest reported as left out, in one pass', (_, maxNodes, focus) => {
    let reads = 0;
    const counted: MapInput = { people: big.people, connections: (id) => (reads++, big.connections(id)) };
    const start = performance.now();
    const s = selectMap(counted, focus ? { maxNodes, focus: focus as PersonId } : { maxNodes });
    const selected = performance.now();
    const layout = layoutMap(s, { ...mapBox(s), seed: 1 });
    const done = performance.now();
    console.info(`${COUNT} people, ${pairs.length} pairs, ${focus ?? 'no focus'}: select ${(selected - start).toFixed(1)} ms, layout ${(done - selected).toFixed(1)} ms`);

    expect(s.nodes).toHaveLength(maxNodes);
    const candidates = focus ? 1 + big.connections(focus as PersonId).length : COUNT;
    expect(s.omittedPeople).toBe(candidates - maxNodes);
    // Pairs among the candidates, less the ones drawn.
    const inScope = new Set(focus ? [focus, ...big.connections(focus as PersonId).map((c) => c.person.id)] : ids);
    const among = pairs.filter(([a, b]) => inScope.has(a) && inScope.has(b)).length;
    expect(s.omittedEdges).toBe(among - s.edges.length);
    expect(omittedText(s)).toMatch(/left out\.$/);
    if (!focus) {
      // The most connected really are: nobody left out is more connected than anybody shown.
      const strength = new Map<string, number>();
      for (const [a, b, e, st] of pairs) {
        strength.set(a, (strength.get(a) ?? 0) + e + st);
        strength.set(b, (strength.get(b) ?? 0) + e + st);
      }
      const shown = new Set(s.nodes.map((n) => n.id as string));
      const weakestShown = Math.min(...[...shown].map((id) => strength.get(id) ?? 0));
      const strongestLeft = Math.max(...ids.filter((id) => !shown.has(id)).map((id) => strength.get(id) ?? 0));
      expect(weakestShown).toBeGreaterThanOrEqual(strongestLeft);
    }
    expectTidy(layout);
    // O(people + connections): each candidate's connections are read once (the focus's twice),
    // never everyone's for a neighbourhood. (Times are logged, not asserted: CI machines vary.)
    expect(reads).toBe(focus ? candidates + 1 : COUNT);
  });
});
