/**
 * rehype plugin: editor's notes beside the passage they correct.
 *
 * Editors mark an error in an article with a GFM footnote (`[^id]`). Instead
 * of a list at the foot of the page, each note is placed in a note
 * (`role="note"`, named "Editor's note 1") right after the block that refers
 * to it, so the correction is read with the sentence it corrects. Not an
 * `<aside>`: a named aside is a landmark, and a story with eight corrections
 * had eight landmarks inside its main one. The superscript marker still links
 * to the note.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';

const isElement = (node: unknown): node is Element => (node as Element | undefined)?.type === 'element';

export default function rehypeEditorNotes() {
  return (tree: Root) => {
    const section = tree.children.find(
      (node): node is Element => isElement(node) && node.tagName === 'section' && 'dataFootnotes' in node.properties,
    );
    if (!section) return;

    // Note id (`user-content-fn-x`) → its content, back-links removed.
    const notes = new Map<string, ElementContent[]>();
    const list = section.children.find((n): n is Element => isElement(n) && n.tagName === 'ol');
    for (const item of list?.children ?? []) {
      if (!isElement(item) || typeof item.properties.id !== 'string') continue;
      notes.set(item.properties.id, stripBackrefs(item.children));
    }

    let number = 0;
    const children: RootContent[] = [];
    for (const node of tree.children) {
      if (node === section) continue;
      children.push(node);
      for (const ref of footnoteRefs(node)) {
        const noteId = String(ref.properties.href ?? '').replace(/^#/, '');
        const content = notes.get(noteId);
        if (!content) continue;
        notes.delete(noteId);
        number += 1;
        ref.properties.ariaDescribedBy = undefined;
        ref.properties.ariaLabel = `Editor’s note ${number}`;
        ref.children = [{ type: 'text', value: String(number) }];
        children.push(note(noteId, number, content));
      }
    }
    tree.children = children;
  };
}

function note(id: string, number: number, content: ElementContent[]): Element {
  const label: Element = {
    type: 'element',
    tagName: 'span',
    properties: { id: `${id}-label`, className: ['editor-note-label'] },
    children: [{ type: 'text', value: `Editor’s note ${number}` }],
  };
  return {
    type: 'element',
    tagName: 'div',
    // Named by its label, not an aria-label of its own: a name given as an attribute would be
    // read in the language of the note's words, a label in its own (see rehype-site-language.ts).
    properties: { id, className: ['editor-note'], role: 'note', ariaLabelledBy: [`${id}-label`] },
    children: [label, ...content],
  };
}

function footnoteRefs(node: RootContent): Element[] {
  const found: Element[] = [];
  const visit = (n: RootContent | ElementContent) => {
    if (!isElement(n)) return;
    if (n.tagName === 'a' && 'dataFootnoteRef' in n.properties) found.push(n);
    n.children.forEach(visit);
  };
  visit(node);
  return found;
}

function stripBackrefs(nodes: ElementContent[]): ElementContent[] {
  return nodes
    .filter((n) => !(isElement(n) && n.tagName === 'a' && 'dataFootnoteBackref' in n.properties))
    .map((n) => (isElement(n) ? { ...n, children: stripBackrefs(n.children) } : n));
}
