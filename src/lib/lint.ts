/**
 * Editorial warnings: things worth an editor's look that do not stop the
 * build. `npm run check` prints them; the build logs them.
 */
import type { Nodes } from 'mdast';
import type { AnyRecord, ContentSet } from './records.ts';
import type { ContentIssue } from './errors.ts';
import type { Site } from './site.ts';
import { NameMatcher, type NameMatch } from './name-matcher.ts';
import { MONTHS } from './news-words.ts';
import { anchorDates, readsAsMonth } from './anchor-dates.ts';
import { formatDate, partialDate, type PartialDate } from './dates.ts';
import type { PersonId } from './ids.ts';
import { parseMarkdown } from './parse-markdown.ts';

/** A summary is for lists and previews: more than this many characters is more than a line or two. */
export const SUMMARY_LIMIT = 280;

export function lintContent(content: ContentSet, site: Site): ContentIssue[] {
  const warnings: ContentIssue[] = [...site.warnings];
  const { graph } = site;

  for (const person of content.people) {
    if (graph.personStories(person.id).length === 0 && graph.citationsOf({ kind: 'person', id: person.id }).length === 0 && graph.personEvents(person.id).length === 0) {
      warnings.push({ file: person.file, message: `nothing mentions ${person.name}`, hint: 'link them from a story or event, or remove the file' });
    }
  }
  for (const event of content.events) {
    if (graph.eventStories(event.id).length === 0 && graph.citationsOf({ kind: 'event', id: event.id }).length === 0) {
      warnings.push({ file: event.file, message: `nothing mentions the event "${event.title}"`, hint: 'link it from a story, or list it in a story’s `events`' });
    }
    if (event.sources.length === 0) {
      warnings.push({ file: event.file, ...(event.locate?.('sources') ?? event.locate?.('title')), field: 'sources', message: 'the event has no sources', hint: 'add `sources:` with where the facts were checked' });
    }
  }
  const today = new Date().toISOString().slice(0, 10);
  for (const story of content.stories) {
    if (story.published.iso.slice(0, 10) > today) {
      // Only the dev server gets here: a build leaves such a story out (see `check.ts`).
      warnings.push({ file: story.file, ...story.locate?.('published'), field: 'published', message: `the story is dated in the future (${story.published.iso.slice(0, 10)}): the site leaves it out until then`, hint: 'check the year; relative dates in it ("yesterday") count from that day' });
    }
    if (story.summary.length > SUMMARY_LIMIT || story.summary.includes('\n')) {
      warnings.push({
        file: story.file,
        ...story.locate?.('summary'),
        field: 'summary',
        message: `the summary runs to ${story.summary.length} characters; lists and previews need a line or two`,
        hint: `shorten it to under ${SUMMARY_LIMIT} characters`,
      });
    }
  }
  const now = partialDate(today);
  for (const story of content.stories) {
    warnings.push(...relativeDates(story, 'summary', story.summary, story.published.day));
    if (story.dek) warnings.push(...relativeDates(story, 'dek', story.dek, story.published.day));
  }
  for (const record of [...content.people, ...content.events]) warnings.push(...relativeDates(record, 'summary', record.summary, now));
  warnings.push(...unlinkedNames(content, site));
  return warnings;
}

/**
 * Relative dates in the one-line texts that lists, previews and search
 * results show on their own, long after: "resigned yesterday" under a story
 * in the archive, "mayor since last year" on a person's preview. A story's
 * are worked out from its day, and the hint gives the date to write; a
 * person's or event's summary has no day to count from.
 */
function relativeDates(record: AnyRecord, field: 'summary' | 'dek', text: string, from: PartialDate): ContentIssue[] {
  const found = anchorDates(text, from);
  if (found.length === 0) return [];
  const words = found.map((a) => `"${a.text}"`).join(', ');
  const hint =
    record.kind === 'story'
      ? `write the date itself: ${found.map((a) => `${a.text} → ${formatDate(a.date)}`).join('; ')}`
      : `write the date itself, the year at least: a ${record.kind === 'person' ? 'person' : 'event'} has no day to count from`;
  return [{ file: record.file, ...record.locate?.(field), field, message: `the ${field} says ${words}, which lists and previews show as written, years later too`, hint }];
}

/** Whether a name that is also a month ("May", "June") is the month here: "in May", "May 3", "May 2023". */
function isMonthInDate(text: string, match: NameMatch): boolean {
  return (MONTHS as readonly string[]).includes(match.text) && readsAsMonth(text, match.start, match.end);
}

/**
 * Names that would have been linked but were not because autolinking is off
 * (on the story, or on the person): the editor may have forgotten a `[[…]]`.
 */
function unlinkedNames(content: ContentSet, site: Site): ContentIssue[] {
  const optedOut = new Set(content.people.filter((p) => p.autolink === false).map((p) => p.id as string));
  const stories = content.stories.filter((s) => s.autolink === false);
  if (optedOut.size === 0 && stories.length === 0) return [];
  const everyone = new NameMatcher(content.people.map((p) => ({ id: p.id as PersonId, names: [p.name, ...p.aliases] })));
  const warnings: ContentIssue[] = [];
  for (const record of [...content.stories, ...content.people, ...content.events]) {
    const storyOptedOut = record.kind === 'story' && record.autolink === false;
    const linked = new Set((site.mentions.get(record) ?? []).map((m) => m.target.id as string));
    const seen = new Set<string>();
    const visit = (node: Nodes, inHeading: boolean) => {
      if (node.type === 'link' || node.type === 'code' || node.type === 'inlineCode' || node.type === 'html') return;
      if (node.type === 'text' && !inHeading) {
        const text = node.value.replace(/\[\[[^\]]*\]\]/g, (m) => ' '.repeat(m.length));
        for (const match of everyone.find(text)) {
          if (seen.has(match.id) || linked.has(match.id) || (record.kind === 'person' && record.id === match.id)) continue;
          if (isMonthInDate(text, match)) continue;
          if (!storyOptedOut && !optedOut.has(match.id)) continue;
          seen.add(match.id);
          const start = node.position?.start;
          warnings.push({
            file: record.file,
            ...(start ? { line: start.line + record.bodyLine - 1, column: start.column + match.start } : {}),
            message: `"${match.text}" names ${match.id} but is not linked, because autolinking is off`,
            hint: `write [[${match.id}|${match.text}]] to link it`,
          });
        }
      }
      if ('children' in node) for (const child of node.children as Nodes[]) visit(child, inHeading || node.type === 'heading');
    };
    visit(parseMarkdown(record.body), false);
  }
  return warnings;
}
