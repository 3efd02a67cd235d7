/**
 * The relationship map: people as nodes, shared events and stories as edges,
 * laid out at build time and drawn as inline SVG (no script needed to see it).
 *
 *   selectMap   who is on the map: a person's neighbourhood, or the most
 *               connected people; O(people + connections), capped at maxNodes
 *   layoutMap   where they go: d3-force with a seeded random source and a
 *               fixed number of ticks, fitted into the box; byte-stable
 *   renderMapSvg  the SVG markup, every text escaped
 *
 * Nothing here imports Astro; src/components/RelationshipMap.astro wires it to
 * the site's graph.
 */
import { mulberry32 } from './random.ts';
import { formatCount } from './numbers.ts';
import { forceLink, forceSimulation, forceX, forceY, type SimulationNodeDatum } from 'd3-force';
import type { Connection } from './graph.ts';
import type { PersonId } from './ids.ts';
import type { PersonRecord } from './records.ts';
import { filingName, SUFFIX } from './filing.ts';

/** Hard limits, whatever a caller asks for: the layout's work is bounded by these. */
export const MAP_LIMITS = { maxNodes: 60, ticks: 300 } as const;
/** Nodes on a map unless the caller says otherwise: legible at 320 px wide. */
export const DEFAULT_MAX_NODES = 16;
/** Width of the layout box in SVG units; the SVG scales to its container. */
export const MAP_WIDTH = 576;
/** Label size in SVG units: 24 of 576 is 12 px when the map is 288 px wide (a 320 px phone less its margins). */
export const MAP_FONT_SIZE = 24;
/** Labels longer than this are cut with an ellipsis. */
export const LABEL_MAX_CHARS = 16;
/** Edge stroke widths in px (the strokes do not scale with the SVG). */
export const STROKE = { min: 1, max: 6 } as const;

// ---- Selection ----

export interface MapInput {
  /**
   * Who may appear on the map (everyone, or a story's cast). A map by id is
   * used as it is: a person page passes the graph's map of everyone, so no
   * page spends time in proportion to the number of people.
   */
  people: readonly PersonRecord[] | ReadonlyMap<PersonId, PersonRecord>;
  /** The graph's connections of a person (`graph.personConnections`). */
  connections: (id: PersonId) => readonly Connection[];
}

export interface SelectOptions {
  /** At most this many people on the map (and never more than {@link MAP_LIMITS}.maxNodes). */
  maxNodes: number;
  /** Draw this person's neighbourhood: them and the people they share events or stories with. */
  focus?: PersonId;
  /**
   * Every pair of the people allowed shares one story (a story's map shows
   * its cast): that story is not counted, so the map shows what they share
   * besides it, and a pair that shares nothing else is not joined.
   */
  sharedByAll?: boolean;
}

export interface MapNode {
  id: PersonId;
  name: string;
  /** How the person is filed (their record's `sortAs`), which says where the surname is. */
  sortAs?: string;
  /** How connected the person is among the people the map may show: the sum of their connections' weights. */
  strength: number;
  focus: boolean;
}

export interface MapEdge {
  /** The pair, `source < target` by id. */
  source: PersonId;
  target: PersonId;
  /** Shared events. */
  events: number;
  /** Shared stories. */
  stories: number;
  /** events + stories. */
  weight: number;
}

export interface MapSelection {
  /** By id. */
  nodes: MapNode[];
  /** By source, then target; only between nodes on the map, each pair once. */
  edges: MapEdge[];
  focus?: PersonId;
  /** Set when the story every pair shares is not counted (see {@link SelectOptions.sharedByAll}). */
  sharedByAll?: true;
  /** People who would belong on the map but were left out for room. */
  omittedPeople: number;
  /** Connections among those people that were left out with them. */
  omittedEdges: number;
}

/** What a pair shares, as counted on the map. */
type Shared = Pick<MapEdge, 'events' | 'stories'>;

const isMap = (people: MapInput['people']): people is ReadonlyMap<PersonId, PersonRecord> => people instanceof Map;

/**
 * Who is on the map. With a focus: the focus person and their neighbours,
 * closest first (most shared, then by id) up to `maxNodes`. Without: the
 * most connected people (sum of weights), then by id, up to `maxNodes`.
 * Edges join people on the map only; connections to or among people who did
 * not make it are counted in `omittedEdges`. Reads each candidate's
 * connections once (the focus's twice): O(people + connections), plus
 * O(people log maxNodes) to rank and O(maxNodes²) to collect the edges. With
 * a focus, "people" is the focus's neighbours only, when the people allowed
 * are given as a map by id (a list is first made into one).
 */
export function selectMap(input: MapInput, options: SelectOptions): MapSelection {
  const maxNodes = Math.max(1, Math.min(Math.floor(options.maxNodes), MAP_LIMITS.maxNodes));
  if (!Number.isFinite(maxNodes)) throw new RangeError(`maxNodes must be a number, not ${options.maxNodes}`);
  const allowed: ReadonlyMap<PersonId, PersonRecord> = isMap(input.people) ? input.people : new Map(input.people.map((p) => [p.id, p]));

  const { focus } = options;
  let candidates: PersonRecord[];
  if (focus !== undefined) {
    const self = allowed.get(focus);
    if (!self) throw new Error(`the map's focus "${focus}" is not among its people`);
    const neighbours = new Set<PersonId>();
    for (const c of input.connections(focus)) if (c.person.id !== focus && allowed.has(c.person.id)) neighbours.add(c.person.id);
    candidates = [self, ...[...neighbours].map((id) => allowed.get(id)!)];
  } else {
    candidates = [...allowed.values()];
  }
  const n = candidates.length;
  const index = new Map<PersonId, number>();
  candidates.forEach((p, i) => index.set(p.id, i));

  // Every pair among the candidates once (keyed lower index × n + higher), and
  // each candidate's strength. When both sides list a pair, the entry of the
  // side with the lower id wins, so the order of the input does not matter.
  const pairs = new Map<number, Shared>();
  const strength = new Float64Array(n);
  const storiesBesides = options.sharedByAll ? 1 : 0;
  for (let i = 0; i < n; i++) {
    const id = candidates[i]!.id;
    for (const c of input.connections(id)) {
      const j = index.get(c.person.id);
      if (j === undefined || j === i) continue;
      const shared = { events: c.events.length, stories: c.stories.length - storiesBesides };
      if (shared.events + shared.stories === 0) continue;
      strength[i]! += shared.events + shared.stories;
      const key = i < j ? i * n + j : j * n + i;
      if (id < c.person.id || !pairs.has(key)) pairs.set(key, shared);
    }
  }
  const strengthOf = (p: PersonRecord) => strength[index.get(p.id)!]!;

  let chosen: PersonRecord[];
  if (focus !== undefined) {
    // The focus is candidate 0.
    const toFocus = new Float64Array(n);
    for (let j = 1; j < n; j++) {
      const c = pairs.get(j);
      toFocus[j] = c ? c.events + c.stories : 0;
    }
    const ranked = topK(candidates.slice(1), maxNodes - 1, (a, b) => toFocus[index.get(b.id)!]! - toFocus[index.get(a.id)!]! || compareIds(a.id, b.id));
    chosen = [candidates[0]!, ...ranked];
  } else {
    chosen = topK(candidates, maxNodes, (a, b) => strengthOf(b) - strengthOf(a) || compareIds(a.id, b.id));
  }

  // Edges among the chosen; every other pair was left out.
  const picked = chosen.map((p) => index.get(p.id)!).sort((a, b) => a - b);
  const edges: MapEdge[] = [];
  for (let x = 0; x < picked.length; x++) {
    for (let y = x + 1; y < picked.length; y++) {
      const i = picked[x]!;
      const j = picked[y]!;
      const c = pairs.get(i * n + j);
      if (!c) continue;
      const a = candidates[i]!.id;
      const b = candidates[j]!.id;
      const [source, target] = a < b ? [a, b] : [b, a];
      edges.push({ source, target, events: c.events, stories: c.stories, weight: c.events + c.stories });
    }
  }
  const omittedEdges = pairs.size - edges.length;
  edges.sort((a, b) => compareIds(a.source, b.source) || compareIds(a.target, b.target));
  const nodes = chosen
    .map((p): MapNode => ({ id: p.id, name: p.name, ...(p.sortAs ? { sortAs: p.sortAs } : {}), strength: strengthOf(p), focus: p.id === focus }))
    .sort((a, b) => compareIds(a.id, b.id));

  return {
    nodes,
    edges,
    ...(focus !== undefined ? { focus } : {}),
    ...(options.sharedByAll ? { sharedByAll: true as const } : {}),
    omittedPeople: candidates.length - chosen.length,
    omittedEdges,
  };
}

/** Code-unit order: the same on every machine, unlike `localeCompare`. */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The first `k` items in `compare` order, in that order: O(n log k) with a bounded heap. */
export function topK<T>(items: readonly T[], k: number, compare: (a: T, b: T) => number): T[] {
  if (k <= 0) return [];
  // A max-heap by `compare`: its root is the worst item kept so far.
  const heap: T[] = [];
  const worse = (i: number, j: number) => compare(heap[i]!, heap[j]!) > 0;
  const swap = (i: number, j: number) => {
    const t = heap[i]!;
    heap[i] = heap[j]!;
    heap[j] = t;
  };
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let top = i;
      if (l < heap.length && worse(l, top)) top = l;
      if (r < heap.length && worse(r, top)) top = r;
      if (top === i) return;
      swap(i, top);
      i = top;
    }
  };
  for (const item of items) {
    if (heap.length < k) {
      heap.push(item);
      for (let i = heap.length - 1; i > 0; ) {
        const parent = (i - 1) >> 1;
        if (!worse(i, parent)) break;
        swap(i, parent);
        i = parent;
      }
    } else if (compare(item, heap[0]!) < 0) {
      heap[0] = item;
      down(0);
    }
  }
  return heap.sort(compare);
}

// ---- Sizes and labels ----

/**
 * Edge stroke width in px for a weight: 1 at weight 1 up to 6 at the map's
 * heaviest edge, on a square-root scale. The scale tops out no lower than
 * weight 6, so a map whose heaviest pair shares two things keeps thin lines.
 */
export function strokeWidth(weight: number, maxWeight: number): number {
  const top = Math.max(maxWeight, 6);
  const t = Math.min(Math.max((weight - 1) / (top - 1), 0), 1);
  return round1(STROKE.min + (STROKE.max - STROKE.min) * Math.sqrt(t));
}

/** Node radius in SVG units by strength (the focus person is drawn larger). */
export function nodeRadius(strength: number, maxStrength: number, focus = false): number {
  if (focus) return 18;
  const t = maxStrength > 0 ? Math.min(Math.max(strength / maxStrength, 0), 1) : 0;
  return round1(10 + 6 * Math.sqrt(t));
}

/**
 * A node's label: the person's name; when longer than `maxChars`, the
 * surname alone ("Søndergaard"), the one the people index files them under
 * (`sortAs`, see `filing.ts`): "López Obrador", "Mueller III" for Robert S.
 * Mueller III (the suffix tells a son from his father, often on the same
 * map), or "Mueller" when that is too long. Words of the name as written, so the label is in the link's
 * name, the full name (a reader who says "click Søndergaard" finds it; an
 * initial, "I. Søndergaard", is not in "Ingrid Søndergaard"). Only a surname
 * too long by itself is cut, with an ellipsis.
 */
export function shortLabel(name: string, maxChars = LABEL_MAX_CHARS, sortAs?: string): string {
  const text = name.trim().replace(/\s+/g, ' ');
  const filed = filingName({ name: text, ...(sortAs ? { sortAs } : {}) });
  const comma = filed.indexOf(', ');
  const surname = filed.slice(0, comma);
  // The filed surname as the name writes it: a `sortAs` may spell it otherwise.
  const suffix = text.split(' ').at(-1)!;
  const withSuffix = SUFFIX.test(suffix) && text.includes(`${surname} ${suffix}`) ? [`${surname} ${suffix}`] : [];
  const forms = comma > 0 && text.includes(surname) ? [text, ...withSuffix, surname] : [text];
  const fitting = forms.find((form) => Array.from(form).length <= maxChars);
  if (fitting) return fitting;
  const chars = Array.from(forms.at(-1)!);
  return `${chars.slice(0, Math.max(1, maxChars - 1)).join('').replace(/[\s.,;:–—-]+$/u, '')}…`;
}

/** Character widths in em, generous for wide system fonts (DejaVu Sans, Segoe UI, Roboto). */
const NARROW = new Set(" il.,:;|!'’");
const SEMI = new Set('fjrtIJ-()');
const WIDE = new Set('mwMW');

/** An estimate of a label's width in SVG units, on the generous side; bold is wider. */
export function labelWidth(label: string, fontSize = MAP_FONT_SIZE, bold = false): number {
  let em = 0;
  for (const c of label) {
    const code = c.codePointAt(0)!;
    if (NARROW.has(c)) em += 0.32;
    else if (SEMI.has(c)) em += 0.42;
    else if (WIDE.has(c)) em += 0.95;
    else if (code >= 0x2e80) em += 1;
    else if (c >= 'A' && c <= 'Z') em += 0.74;
    else if (c >= '0' && c <= '9') em += 0.64;
    else if (c >= 'a' && c <= 'z') em += 0.62;
    else em += 0.74;
  }
  return em * fontSize * (bold ? 1.1 : 1);
}

/** A node's shape: circle on top, label below it (baseline a font-size under the circle); `half` is half the footprint's width. */
function shapeOf(node: MapNode, maxStrength: number, fontSize: number, labelMaxChars?: number) {
  const r = nodeRadius(node.strength, maxStrength, node.focus);
  const label = shortLabel(node.name, labelMaxChars, node.sortAs);
  // At least 48 units wide: a 24 px target on a 576 px map, 12 px at 288 px.
  const half = Math.max(r, labelWidth(label, fontSize, node.focus) / 2, 24);
  return { node, r, label, half, up: r, down: r + 6 + fontSize * 1.25 };
}

/** Bounds of {@link mapBox}'s height. */
export const MAP_HEIGHT = { min: 320, max: 2400 } as const;

/**
 * The layout box for a selection: {@link MAP_WIDTH} wide, and tall enough that
 * its people's footprints (circle and label) take up under half of it.
 */
export function mapBox(selection: Pick<MapSelection, 'nodes'>, options: { fontSize?: number; labelMaxChars?: number } = {}): { width: number; height: number } {
  const fontSize = options.fontSize ?? MAP_FONT_SIZE;
  const maxStrength = Math.max(0, ...selection.nodes.map((n) => n.strength));
  let area = 0;
  for (const node of selection.nodes.slice(0, MAP_LIMITS.maxNodes)) {
    const s = shapeOf(node, maxStrength, fontSize, options.labelMaxChars);
    area += (2 * s.half + PAD) * (s.up + s.down + PAD);
  }
  const height = Math.ceil((area * 2.2) / MAP_WIDTH / 8) * 8;
  return { width: MAP_WIDTH, height: Math.min(Math.max(height, MAP_HEIGHT.min), MAP_HEIGHT.max) };
}

// ---- Layout ----

export interface LayoutOptions {
  width: number;
  height: number;
  seed: number;
  /** Simulation steps; at most {@link MAP_LIMITS}.ticks. */
  ticks?: number;
  fontSize?: number;
  labelMaxChars?: number;
}

export interface PlacedNode extends MapNode {
  x: number;
  y: number;
  r: number;
  label: string;
  /** Label baseline. */
  labelY: number;
  /** The node's footprint, circle and label: also its link's target area. */
  box: Box;
}

export interface PlacedEdge extends MapEdge {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** Stroke width in px. */
  strokeWidth: number;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface MapLayout {
  width: number;
  height: number;
  fontSize: number;
  nodes: PlacedNode[];
  edges: PlacedEdge[];
  focus?: PersonId;
  omittedPeople: number;
  omittedEdges: number;
}

export { mulberry32 };

interface SimNode extends SimulationNodeDatum {
  id: PersonId;
  x: number;
  y: number;
  /** Extents of the footprint around (x, y). */
  left: number;
  right: number;
  up: number;
  down: number;
}

/** Room between footprints, and between footprints and the box's edge. */
const PAD = 14;
const MARGIN = 8;
/** The most the fit stretches a layout to fill its box. */
const MAX_STRETCH = 3;

/**
 * Positions for a selection: a force simulation (links pull neighbours
 * together, heavier links closer; people repel; footprints of circle plus
 * label do not overlap; everything is kept in the box), run for a fixed number
 * of ticks with a seeded random source, then fitted into the box. Nodes are
 * sorted by id first and coordinates rounded to 0.1, so the same selection
 * gives the same bytes in whatever order it was built. Work is
 * O(ticks × nodes²) with both capped by {@link MAP_LIMITS}.
 */
export function layoutMap(selection: MapSelection, options: LayoutOptions): MapLayout {
  const { width, height, seed } = options;
  const fontSize = options.fontSize ?? MAP_FONT_SIZE;
  const ticks = Math.max(0, Math.min(Math.floor(options.ticks ?? MAP_LIMITS.ticks), MAP_LIMITS.ticks));
  const selected = [...selection.nodes].sort((a, b) => compareIds(a.id, b.id)).slice(0, MAP_LIMITS.maxNodes);
  const ids = new Set(selected.map((n) => n.id));
  const edgesIn = selection.edges
    .filter((e) => ids.has(e.source) && ids.has(e.target))
    .map((e) => (compareIds(e.source, e.target) <= 0 ? e : { ...e, source: e.target, target: e.source }))
    .sort((a, b) => compareIds(a.source, b.source) || compareIds(a.target, b.target));

  const maxStrength = Math.max(0, ...selected.map((n) => n.strength));
  const maxWeight = Math.max(1, ...edgesIn.map((e) => e.weight));
  const cx = width / 2;
  const cy = height / 2;

  const shapes = selected.map((node) => shapeOf(node, maxStrength, fontSize, options.labelMaxChars));

  // Start on a spiral around the centre, squeezed to the box's aspect.
  const aspect = height / width;
  const sim: SimNode[] = shapes.map((s, i) => {
    const angle = i * Math.PI * (3 - Math.sqrt(5));
    const radius = 40 * Math.sqrt(i + 0.5);
    return {
      id: s.node.id,
      x: cx + radius * Math.cos(angle),
      y: cy + radius * aspect * Math.sin(angle),
      left: s.half,
      right: s.half,
      up: s.up,
      down: s.down,
      // The focus person holds the centre; their neighbourhood settles around them.
      ...(s.node.focus ? { fx: cx, fy: cy } : {}),
    };
  });
  const index = new Map(sim.map((n, i) => [n.id, i]));
  const links = edgesIn.map((e) => ({ source: index.get(e.source)!, target: index.get(e.target)!, weight: e.weight }));

  if (sim.length > 1 && ticks > 0) {
    const spread = Math.sqrt((width * height) / Math.max(sim.length, 1));
    const simulation = forceSimulation<SimNode>()
      .stop()
      .randomSource(mulberry32(seed))
      // Cool from 1 to d3's alphaMin (0.001) over exactly the ticks given.
      .alphaDecay(1 - Math.pow(0.001, 1 / ticks))
      .nodes(sim)
      .force(
        'link',
        forceLink<SimNode, { source: number | SimNode; target: number | SimNode; weight: number }>(links)
          .distance((l) => spread * (0.9 - 0.3 * Math.sqrt((l.weight - 1) / Math.max(maxWeight - 1, 1))))
          .strength(0.3),
      )
      .force('charge', repulsion(sim, -spread * 2, spread * 3))
      .force('x', forceX<SimNode>(cx).strength(0.06))
      .force('y', forceY<SimNode>(cy).strength(0.06 / aspect))
      .force('footprints', footprintForce(sim, 0.8))
      .force('box', boxForce(sim, width, height))
      .stop();
    simulation.tick(ticks);
  }

  fit(sim, width, height);
  separate(sim, width, height);

  const placed = new Map<PersonId, PlacedNode>();
  const nodes = shapes.map((s, i): PlacedNode => {
    const n = sim[i]!;
    const x = round1(n.x);
    const y = round1(n.y);
    const node: PlacedNode = {
      ...s.node,
      x,
      y,
      r: s.r,
      label: s.label,
      labelY: round1(y + s.r + 4 + fontSize),
      box: { x: round1(x - s.half), y: round1(y - s.up), width: round1(2 * s.half), height: round1(s.up + s.down) },
    };
    placed.set(node.id, node);
    return node;
  });
  const edges = edgesIn.map((e): PlacedEdge => {
    const a = placed.get(e.source)!;
    const b = placed.get(e.target)!;
    return { ...e, x1: a.x, y1: a.y, x2: b.x, y2: b.y, strokeWidth: strokeWidth(e.weight, maxWeight) };
  });
  return {
    width,
    height,
    fontSize,
    nodes,
    edges,
    ...(selection.focus !== undefined && ids.has(selection.focus) ? { focus: selection.focus } : {}),
    omittedPeople: selection.omittedPeople,
    omittedEdges: selection.omittedEdges,
  };
}

/**
 * People repel one another: d3's many-body force (each node's velocity moves
 * by strength × alpha × distance / distance², within `distanceMax`; closer
 * than 1 px counts as 1 px), summed over every pair exactly. d3's own
 * approximates far groups through a quadtree, which pays off for thousands of
 * nodes; a map has at most {@link MAP_LIMITS}.maxNodes, and building and walking
 * the tree on every tick took 4 ms a map, 3.3 s of a 4,000-story build.
 */
export function repulsion<N extends SimulationNodeDatum & { x: number; y: number }>(nodes: N[], strength: number, distanceMax: number) {
  const maxSquared = distanceMax * distanceMax;
  let random = Math.random;
  /** A tiny nudge apart for two people on the same spot, drawn from the simulation's seeded source. */
  const jiggle = () => (random() - 0.5) * 1e-6;
  const force = (alpha: number) => {
    const w = strength * alpha;
    for (let i = 0; i < nodes.length; i++) {
      const a = nodes[i]!;
      for (let j = i + 1; j < nodes.length; j++) {
        const b = nodes[j]!;
        let x = b.x - a.x;
        let y = b.y - a.y;
        let l = x * x + y * y;
        if (l >= maxSquared) continue;
        if (x === 0) (x = jiggle()), (l += x * x);
        if (y === 0) (y = jiggle()), (l += y * y);
        if (l < 1) l = Math.sqrt(l);
        // Each pushes the other away along the line between them, equally.
        const push = w / l;
        a.vx = (a.vx ?? 0) + x * push;
        a.vy = (a.vy ?? 0) + y * push;
        b.vx = (b.vx ?? 0) - x * push;
        b.vy = (b.vy ?? 0) - y * push;
      }
    }
  };
  force.initialize = (_: N[], source: () => number) => {
    random = source;
  };
  return force;
}

/** Pushes overlapping footprints apart along the axis where they overlap least. O(n²) per tick. */
function footprintForce(nodes: SimNode[], strength: number) {
  return () => {
    for (let i = 0; i < nodes.length; i++) {
      const a = nodes[i]!;
      for (let j = i + 1; j < nodes.length; j++) {
        const b = nodes[j]!;
        const ax = a.x + (a.vx ?? 0);
        const ay = a.y + (a.vy ?? 0);
        const bx = b.x + (b.vx ?? 0);
        const by = b.y + (b.vy ?? 0);
        const overlapX = Math.min(ax + a.right, bx + b.right) - Math.max(ax - a.left, bx - b.left) + PAD;
        const overlapY = Math.min(ay + a.down, by + b.down) - Math.max(ay - a.up, by - b.up) + PAD;
        if (overlapX <= 0 || overlapY <= 0) continue;
        if (overlapX / (a.left + b.left) < overlapY / (a.up + a.down)) {
          const push = (overlapX / 2) * strength * (ax < bx || (ax === bx && i < j) ? -1 : 1);
          a.vx = (a.vx ?? 0) + push;
          b.vx = (b.vx ?? 0) - push;
        } else {
          const push = (overlapY / 2) * strength * (ay < by || (ay === by && i < j) ? -1 : 1);
          a.vy = (a.vy ?? 0) + push;
          b.vy = (b.vy ?? 0) - push;
        }
      }
    }
  };
}

/** Keeps every footprint inside the box. */
function boxForce(nodes: SimNode[], width: number, height: number) {
  return () => {
    for (const n of nodes) {
      const x = n.x + (n.vx ?? 0);
      const y = n.y + (n.vy ?? 0);
      const cx = clampInto(x, n.left + MARGIN, width - n.right - MARGIN);
      const cy = clampInto(y, n.up + MARGIN, height - n.down - MARGIN);
      if (cx !== x) n.vx = cx - n.x;
      if (cy !== y) n.vy = cy - n.y;
    }
  };
}

/**
 * Moves footprints that still overlap apart, pair by pair along the axis
 * where they overlap least, keeping each inside the box; a bounded number of
 * rounds (O(rounds × nodes²)), so a map too crowded to untangle still finishes.
 */
function separate(nodes: SimNode[], width: number, height: number, rounds = 60): void {
  for (let round = 0; round < rounds; round++) {
    let moved = false;
    for (let i = 0; i < nodes.length; i++) {
      const a = nodes[i]!;
      for (let j = i + 1; j < nodes.length; j++) {
        const b = nodes[j]!;
        const overlapX = Math.min(a.x + a.right, b.x + b.right) - Math.max(a.x - a.left, b.x - b.left) + PAD;
        const overlapY = Math.min(a.y + a.down, b.y + b.down) - Math.max(a.y - a.up, b.y - b.up) + PAD;
        if (overlapX <= 0.5 || overlapY <= 0.5) continue;
        moved = true;
        // Move along the cheaper axis; if the box's edge stops that, along the other.
        const first = overlapX <= overlapY ? 'x' : 'y';
        const before = { ax: a.x, ay: a.y, bx: b.x, by: b.y };
        push(a, b, i < j, first, first === 'x' ? overlapX : overlapY, width, height);
        if (tooClose(a, b)) {
          Object.assign(a, { x: before.ax, y: before.ay });
          Object.assign(b, { x: before.bx, y: before.by });
          push(a, b, i < j, first === 'x' ? 'y' : 'x', first === 'x' ? overlapY : overlapX, width, height);
        }
      }
    }
    if (!moved) return;
  }
}

/** Whether two footprints are closer than PAD (less a rounding slack) on both axes. */
function tooClose(a: SimNode, b: SimNode): boolean {
  return (
    Math.min(a.x + a.right, b.x + b.right) - Math.max(a.x - a.left, b.x - b.left) + PAD > 0.5 &&
    Math.min(a.y + a.down, b.y + b.down) - Math.max(a.y - a.up, b.y - b.up) + PAD > 0.5
  );
}

/** Moves a and b apart by `overlap` along one axis, half each, and keeps both in the box. */
function push(a: SimNode, b: SimNode, aFirst: boolean, axis: 'x' | 'y', overlap: number, width: number, height: number): void {
  const sign = a[axis] < b[axis] || (a[axis] === b[axis] && aFirst) ? -1 : 1;
  a[axis] += (sign * overlap) / 2;
  b[axis] -= (sign * overlap) / 2;
  for (const n of [a, b]) {
    n.x = clampInto(n.x, n.left + MARGIN, width - n.right - MARGIN);
    n.y = clampInto(n.y, n.up + MARGIN, height - n.down - MARGIN);
  }
}

/**
 * Fits the footprints into the box: positions are stretched or squeezed along
 * each axis so that the footprints fill it, margins and labels included
 * (stretched at most {@link MAX_STRETCH} times, then centred), and finally
 * clamped inside. Stretching only moves footprints apart; overlaps that a
 * squeeze causes are undone by {@link separate}.
 */
function fit(nodes: SimNode[], width: number, height: number): void {
  if (nodes.length === 0) return;
  for (const n of nodes) if (!Number.isFinite(n.x) || !Number.isFinite(n.y)) Object.assign(n, { x: width / 2, y: height / 2 });
  // Along one axis, with d the distance from the lowest position: at scale s the
  // footprints reach L(s) = max(lo − s·d) before the lowest position and
  // R(s) = max(hi + s·d) after it. L + R is convex in s, so the largest s at
  // which it fits the room is found by bisection.
  const axis = (size: number, lo: (n: SimNode) => number, hi: (n: SimNode) => number, pos: (n: SimNode) => number) => {
    const room = size - 2 * MARGIN;
    const pMin = Math.min(...nodes.map(pos));
    const extents = (s: number) => {
      let before = -Infinity;
      let after = -Infinity;
      for (const n of nodes) {
        const d = (pos(n) - pMin) * s;
        before = Math.max(before, lo(n) - d);
        after = Math.max(after, hi(n) + d);
      }
      return { before, after };
    };
    const fits = (s: number) => {
      const { before, after } = extents(s);
      return before + after <= room;
    };
    let scale: number;
    if (fits(MAX_STRETCH)) scale = MAX_STRETCH;
    else if (!fits(0)) scale = 0;
    else {
      let ok = 0;
      let bad = MAX_STRETCH;
      for (let i = 0; i < 40; i++) {
        const mid = (ok + bad) / 2;
        if (fits(mid)) ok = mid;
        else bad = mid;
      }
      scale = ok;
    }
    const { before, after } = extents(scale);
    const start = MARGIN + before + (room - before - after) / 2;
    return (p: number) => start + (p - pMin) * scale;
  };
  const fx = axis(width, (n) => n.left, (n) => n.right, (n) => n.x);
  const fy = axis(height, (n) => n.up, (n) => n.down, (n) => n.y);
  for (const n of nodes) {
    n.x = clampInto(fx(n.x), n.left + MARGIN, width - n.right - MARGIN);
    n.y = clampInto(fy(n.y), n.up + MARGIN, height - n.down - MARGIN);
  }
}

function clampInto(value: number, lo: number, hi: number): number {
  if (lo > hi) return (lo + hi) / 2;
  return Math.min(Math.max(value, lo), hi);
}

function round1(value: number): number {
  const r = Math.round(value * 10) / 10;
  return r === 0 ? 0 : r;
}

// ---- Words ----

const plural = (n: number, one: string, many: string) => `${formatCount(n)} ${n === 1 ? one : many}`;

/** "3 shared events, 1 shared story". */
export function sharedText(edge: Pick<MapEdge, 'events' | 'stories'>): string {
  const parts: string[] = [];
  if (edge.events > 0) parts.push(plural(edge.events, 'shared event', 'shared events'));
  if (edge.stories > 0) parts.push(plural(edge.stories, 'shared story', 'shared stories'));
  return parts.join(', ');
}

/** What was left out, in a sentence; empty when nothing was. */
export function omittedText(map: Pick<MapSelection, 'nodes' | 'omittedPeople' | 'omittedEdges' | 'focus'>): string {
  if (map.omittedPeople === 0 && map.omittedEdges === 0) return '';
  const shown = map.nodes.length;
  const left = [
    map.omittedPeople > 0 && plural(map.omittedPeople, 'person', 'people'),
    map.omittedEdges > 0 && plural(map.omittedEdges, 'connection', 'connections'),
  ].filter(Boolean).join(' and ');
  const verb = map.omittedPeople + map.omittedEdges === 1 ? 'is' : 'are';
  const focus = map.nodes.find((n) => n.id === map.focus);
  const lead = focus
    ? `Showing the ${formatCount(shown - 1)} of ${plural(shown - 1 + map.omittedPeople, 'person', 'people')} connected to ${focus.name} who share the most with them`
    : `Showing the ${formatCount(shown)} most connected of ${plural(shown + map.omittedPeople, 'person', 'people')}`;
  return `${lead}; ${left} ${verb} left out.`;
}

/** The map's description: who is on it, how many connections, what was left out. */
export function describeMap(map: Pick<MapSelection, 'nodes' | 'edges' | 'omittedPeople' | 'omittedEdges' | 'focus' | 'sharedByAll'>): string {
  const focus = map.nodes.find((n) => n.id === map.focus);
  const people = plural(map.nodes.length, 'person', 'people');
  const connections = plural(map.edges.length, 'connection', 'connections');
  const who = focus
    ? `${focus.name} and ${plural(map.nodes.length - 1, 'person', 'people')} who share events or stories with them: ${people}, ${connections}.`
    : `${people} and ${connections} between them, through the events and stories they share${map.sharedByAll ? ' besides this one' : ''}.`;
  return [who, 'Thicker lines mean more in common.', omittedText(map)].filter(Boolean).join(' ');
}

export interface ConnectionItem {
  a: { id: PersonId; name: string };
  b: { id: PersonId; name: string };
  /** "3 shared events, 1 shared story". */
  shared: string;
  weight: number;
}

/**
 * The map's connections in words, for the list beside it: heaviest first,
 * then by name; the focus person is named first in each pair that has them.
 */
export function connectionItems(map: Pick<MapSelection, 'nodes' | 'edges' | 'focus'>): ConnectionItem[] {
  const names = new Map(map.nodes.map((n) => [n.id, n.name]));
  return map.edges
    .map((e): ConnectionItem => {
      const [first, second] = e.target === map.focus ? [e.target, e.source] : [e.source, e.target];
      return { a: { id: first, name: names.get(first) ?? first }, b: { id: second, name: names.get(second) ?? second }, shared: sharedText(e), weight: e.weight };
    })
    // On a person's map, their own connections come first: the rest only say how the others know each other.
    .sort((x, y) => Number(x.a.id !== map.focus) - Number(y.a.id !== map.focus) || y.weight - x.weight || compareIds(x.a.name, y.a.name) || compareIds(x.b.name, y.b.name) || compareIds(x.a.id, y.a.id) || compareIds(x.b.id, y.b.id));
}

/** "Jeff Sessions and Sergey Kislyak: 3 shared events, 1 shared story". */
export function connectionSentence(item: ConnectionItem): string {
  return `${item.a.name} and ${item.b.name}: ${item.shared}`;
}

// ---- SVG ----

/** Escapes text and attribute values for HTML and SVG. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export interface SvgOptions {
  title: string;
  description: string;
  titleId: string;
  descId: string;
  /** The URL of a person's page. */
  href: (id: PersonId) => string;
}

/**
 * The map as an SVG element: `<title>` naming it and `<desc>` describing it,
 * edges as `<line>`s under nodes as links (`<a>` holding a target area, a
 * circle and the label; a truncated label's link carries the full name as its
 * `<title>`). Classes only, no colours: the component's styles paint it with
 * the site's colour variables, so it follows the light and dark themes.
 *
 * The SVG is a labelled group, not `role="img"`: an image's content is
 * presentational, so links inside one are hidden from assistive technology
 * while still taking keyboard focus (axe: nested-interactive). As a group,
 * each person is a link that screen readers and keyboards reach.
 */
export function renderMapSvg(layout: MapLayout, options: SvgOptions): string {
  const a = (value: string | number) => `"${escapeXml(String(value))}"`;
  const out: string[] = [];
  out.push(
    `<svg class="relationship-map-svg" viewBox=${a(`0 0 ${layout.width} ${layout.height}`)} role="group" aria-labelledby=${a(options.titleId)} aria-describedby=${a(options.descId)} font-size=${a(layout.fontSize)}>`,
    `<title id=${a(options.titleId)}>${escapeXml(options.title)}</title>`,
    `<desc id=${a(options.descId)}>${escapeXml(options.description)}</desc>`,
    '<g class="map-edges">',
  );
  for (const e of layout.edges) {
    out.push(
      `<line x1=${a(e.x1)} y1=${a(e.y1)} x2=${a(e.x2)} y2=${a(e.y2)} stroke-width=${a(e.strokeWidth)} vector-effect="non-scaling-stroke" data-source=${a(e.source)} data-target=${a(e.target)} data-weight=${a(e.weight)}></line>`,
    );
  }
  out.push('</g>', '<g class="map-nodes">');
  for (const n of layout.nodes) {
    const truncated = n.label !== n.name.trim().replace(/\s+/g, ' ');
    out.push(
      `<a href=${a(options.href(n.id))} class=${a(n.focus ? 'map-node map-focus' : 'map-node')} data-person=${a(n.id)}${n.focus ? ' aria-current="page"' : ''}>`,
      truncated ? `<title>${escapeXml(n.name)}</title>` : '',
      `<rect class="map-target" x=${a(n.box.x)} y=${a(n.box.y)} width=${a(n.box.width)} height=${a(n.box.height)}></rect>`,
      `<circle cx=${a(n.x)} cy=${a(n.y)} r=${a(n.r)}></circle>`,
      `<text x=${a(n.x)} y=${a(n.labelY)} text-anchor="middle">${escapeXml(n.label)}</text>`,
      '</a>',
    );
  }
  out.push('</g>', '</svg>');
  return out.join('');
}

// ---- Ids ----

const counters = new WeakMap<object, number>();

/**
 * Element ids for the n-th map rendered for `scope` (a page's request): unique
 * on the page, and the same on every build. `base` overrides the counter.
 */
export function mapIds(scope: object, base?: string): { root: string; title: string; desc: string; list: string } {
  let root = base;
  if (root === undefined) {
    const n = (counters.get(scope) ?? 0) + 1;
    counters.set(scope, n);
    root = n === 1 ? 'relationship-map' : `relationship-map-${n}`;
  }
  return { root, title: `${root}-title`, desc: `${root}-desc`, list: `${root}-list` };
}
