/**
 * Whose events a filtered timeline shows, as its status line says it: "with
 * Jeff Sessions" (the events a person takes part in), "named in “Title”" (the
 * events a story links to). The pre-built pages and the filter in place
 * (src/scripts/timeline-filters.ts) say it in the same words; a module of its
 * own so the script carries nothing else.
 */
export function filteredBy(kind: 'person' | 'story', label: string): string {
  return kind === 'person' ? `with ${label}` : `named in “${label}”`;
}
