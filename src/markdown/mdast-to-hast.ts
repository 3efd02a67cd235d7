/**
 * remark plugin: the Markdown tree to an HTML tree, as remark-rehype does it
 * (with mdast-util-to-hast and its default handlers), without that library's
 * first walk over the tree.
 *
 * Before converting anything, `toHast` visits every node to collect link and
 * footnote definitions, with `unist-util-visit`, which costs about a
 * microsecond a node: 1.4 s of a 4,000-story build's 1.37 million nodes.
 * Here the definitions are collected by a plain walk, `toHast` is handed an
 * empty root, and the root's handler puts the definitions in the library's
 * state, as its walk would have, and converts the real tree with the default
 * root handler.
 *
 * The element a node asks for in its `data` (how mentions, dates and
 * paragraph anchors reach the HTML) is made as the library's `applyData`
 * makes it, but its properties are copied plainly instead of through
 * `structuredClone`: 0.6 s for the half million such nodes of 4,000 stories.
 * The HTML is the same (`tests/unit/mdast-to-hast.test.ts`).
 */
import type { Nodes, Root } from 'mdast';
import type { Element, Nodes as HastNodes, Properties, Root as HastRoot } from 'hast';
import type { VFile } from 'vfile';
import { defaultHandlers, toHast, type Handler, type Options, type State } from 'mdast-util-to-hast';

/** Every node that defines something a reference may name, in document order. */
function definitionsIn(tree: Root): Extract<Nodes, { type: 'definition' | 'footnoteDefinition' }>[] {
  const found: Extract<Nodes, { type: 'definition' | 'footnoteDefinition' }>[] = [];
  const walk = (node: Nodes) => {
    if (node.type === 'definition' || node.type === 'footnoteDefinition') found.push(node);
    if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(tree);
  return found;
}

/** The definitions as the library files them: by upper-cased identifier, the first of a name winning. */
function fileDefinitions(state: State, tree: Root): void {
  for (const node of definitionsIn(tree)) {
    const id = String(node.identifier).toUpperCase();
    const map: Map<string, typeof node> = node.type === 'definition' ? state.definitionById : state.footnoteById;
    if (!map.has(id)) map.set(id, node);
  }
}

/**
 * A copy of a node's `hProperties` that shares nothing with the Markdown
 * tree, as `structuredClone` gives it; the site's values are strings,
 * numbers, booleans and lists of them, so a list is copied and the rest kept.
 */
function copyProperties(properties: Properties): Properties {
  const copy: Properties = {};
  for (const [name, value] of Object.entries(properties)) {
    copy[name] = Array.isArray(value) ? [...value] : value !== null && typeof value === 'object' ? structuredClone(value) : value;
  }
  return copy;
}

/** The library's `applyData`: the element, properties and children a node's `data` asks for. */
function applyData<Type extends HastNodes>(from: Nodes | undefined, to: Type): Element | Type {
  const data = from?.data as { hName?: unknown; hProperties?: Properties; hChildren?: Element['children'] } | undefined;
  if (!data) return to;
  let result: Element | Type = to;
  if (typeof data.hName === 'string') {
    // Text, raw and root nodes become the element, their content kept.
    if (result.type === 'element') result.tagName = data.hName;
    else result = { type: 'element', tagName: data.hName, properties: {}, children: 'children' in result ? (result.children as Element['children']) : [result as Element['children'][number]] };
  }
  if (result.type === 'element' && data.hProperties) Object.assign(result.properties, copyProperties(data.hProperties));
  if ('children' in result && result.children && data.hChildren !== null && data.hChildren !== undefined) (result as Element).children = data.hChildren;
  return result;
}

/** Converts a Markdown tree to an HTML tree; the options are `toHast`'s (remark-rehype's). */
export default function remarkToHast(options: Omit<Options, 'handlers'>) {
  return (tree: Root, file: VFile): HastRoot => {
    const empty: Root = { type: 'root', children: [] };
    const root = (state: State) => {
      fileDefinitions(state, tree);
      state.applyData = applyData as State['applyData'];
      return defaultHandlers.root(state, tree);
    };
    // A root handler returns a root, which `Handler` leaves out (the library's own typing makes the same exception).
    return toHast(empty, { file, ...options, handlers: { root: root as Handler } }) as HastRoot;
  };
}
