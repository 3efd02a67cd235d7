/**
 * New content files: every required field, an id from the title, and a
 * comment on what to fill in. A new file starts as a draft, so a half-written
 * record never reaches readers; the editor removes `draft: true` to publish.
 */
import { idFor } from './ids.ts';
import { withoutNicknames } from './name-matcher.ts';
import { TITLE_ABBREVIATIONS, TITLE_WORDS } from './news-words.ts';
import { parsePartialDate, parseTimestamp, toIso } from './dates.ts';

export type Kind = 'story' | 'person' | 'event';

export const FOLDER: Record<Kind, string> = { story: 'stories', person: 'people', event: 'events' };

/** The summary a new file starts with: it says what to write, and is refused once the record is published. */
export const PLACEHOLDER_SUMMARIES: Record<Kind, string> = {
  story: 'Say in one or two sentences what the story is about.',
  person: 'Who they are, in one line.',
  event: 'What happened, in one or two sentences.',
};


/**
 * A new person's name from what was typed: a title before it ("Dr. Anneke van
 * Gogh") is not part of the name or the id, and the titled form becomes an
 * alias, since stories will write it so. A nickname in quotes stays in the
 * name ("Francis “Buddy” DeLuca") but not in `idName`, what the id is made
 * of: the address is the person's, `francis-deluca`.
 */
export function personName(typed: string): { name: string; alias?: string; idName: string } {
  const words = typed.trim().split(/\s+/);
  let first = 0;
  // Titles, written short or out ("Dr.", "Sen.", "Mayor"), but never the last word: that is a name.
  while (first < words.length - 1 && (TITLE_ABBREVIATIONS.has(words[first]!.replace(/\.$/, '')) || TITLE_WORDS.has(words[first]!))) first++;
  const name = words.slice(first).join(' ') || typed;
  const idName = withoutNicknames(name).trim().split(/\s+/).join(' ');
  return name !== typed ? { name, alias: typed, idName } : { name, idName };
}

/** The id for a title, made unique against the ids that exist: `budget-vote`, then `budget-vote-2`. */
export function uniqueId(title: string, exists: (id: string) => boolean): string {
  const base = idFor(title) || 'untitled';
  let id = base;
  for (let n = 2; exists(id); n++) id = `${base}-${n}`;
  return id;
}

/** YAML for a one-line string, always double-quoted so colons and quotes are safe. */
function quote(text: string): string {
  return JSON.stringify(text);
}

export function template(kind: Kind, title: string, options: { date?: string; today: string }): string {
  if (kind === 'person' && options.date) throw new Error('--date: a person has no date (their roles have theirs)');
  if (kind === 'story') {
    const published = options.date ? parseTimestamp(options.date) : undefined;
    if (published && !published.ok) throw new Error(`--date: ${published.message}`);
    return `---
# A new story. Fill in the fields, write the article below the second ---,
# then delete "draft: true" to publish. The guide: content/README.md
draft: true
title: ${quote(title)}
published: ${options.date ?? options.today}
# One or two sentences for lists, previews and search results.
summary: ${quote(PLACEHOLDER_SUMMARIES.story)}
# Optional: dek (one sentence under the headline), byline, source, keyPoints.
tags: []
# People and events the story concerns beyond those its text links, by id.
people: []
events: []
---
<!--
Write the article here, replacing this comment. Link people and events with
[[ id ]] or [[ id | the words in the text ]] (without the spaces); names of
known people are linked by themselves. Mark a correction with a footnote:
text[^note], then a line "[^note]: the correction".
-->
`;
  }
  if (kind === 'person') {
    const { name, alias } = personName(title);
    return `---
# A new person. Delete "draft: true" when the record is ready. The guide: content/README.md
draft: true
name: ${quote(name)}
# Other names the text may use: surname, full name, title + surname.
aliases: [${alias ? quote(alias) : ''}]
# One line on who they are.
summary: ${quote(PLACEHOLDER_SUMMARIES.person)}
# Offices held: from/to as YYYY, YYYY-MM or YYYY-MM-DD; leave out "to" while it continues.
roles: []
---
<!-- A short biography, replacing this comment. -->
`;
  }
  const date = options.date ? parsePartialDate(options.date) : undefined;
  if (date && !date.ok) throw new Error(`--date: ${date.message}`);
  return `---
# A new event. Delete "draft: true" when the record is ready. The guide: content/README.md
draft: true
title: ${quote(title)}
# When it happened, as precisely as known: YYYY, YYYY-MM or YYYY-MM-DD.
date: ${date ? toIso(date.date) : options.today}
# Optional: for a span, end: written like date, or end: ongoing while it goes on;
# to order events of one day, time: "14:30" (24-hour, with a date to the day).
# Who took part, by person id.
people: []
summary: ${quote(PLACEHOLDER_SUMMARIES.event)}
# Where the facts were checked: - title: "Publication, date" (url: optional)
sources: []
---
<!-- What happened, replacing this comment. -->
`;
}
