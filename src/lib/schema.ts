/**
 * The content contract as Zod schemas: what an editor may write in the
 * frontmatter of a story, a person and an event. The Astro collections and the
 * standalone content check use these same schemas, so both report the same
 * errors.
 */
import { z } from 'astro/zod';
import { ID_PATTERN } from './ids.ts';
import { parsePartialDate, parseTimestamp, type PartialDate } from './dates.ts';
import { typeset } from './typography.ts';

/** A record id (a file name without `.md`): kebab-case ASCII. */
const id = z
  .string()
  .regex(ID_PATTERN, { message: 'expected an id in kebab-case, such as "jeff-sessions" (the file name without .md)' });

/**
 * `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, quoted or not; the precision is kept.
 * `ongoingHint`: what to write instead of "present" or "now" in this field.
 */
const dateField = (ongoingHint = '') => z.unknown().transform((value, ctx) => dateOrIssue(value, ctx, ongoingHint));

/** The date `value` reads as, or else an issue with the parser's message. */
function dateOrIssue(value: unknown, ctx: z.RefinementCtx, ongoingHint: string): PartialDate {
  const result = parsePartialDate(value, ongoingHint);
  if (result.ok) return result.date;
  ctx.addIssue({ code: 'custom', message: result.message });
  return z.NEVER;
}

export const partialDateField = dateField();

/** The word an event's `end` takes while it is still going on: a war, an inquiry that has not reported. */
const ONGOING = 'ongoing';

/** An event's `end`: a date, or `ongoing`. */
const eventEndField = z.unknown().transform((value, ctx): PartialDate | typeof ONGOING =>
  typeof value === 'string' && value.trim().toLowerCase() === ONGOING ? ONGOING : dateOrIssue(value, ctx, `to say it is still going on, write \`end: ${ONGOING}\``),
);

/** `YYYY-MM-DD` or an ISO 8601 date-time. */
const timestampField = z.unknown().transform((value, ctx) => {
  const result = parseTimestamp(value);
  if (result.ok) return result.value;
  ctx.addIssue({ code: 'custom', message: result.message });
  return z.NEVER;
});

/**
 * Characters no one types on purpose and readers never see: control
 * characters (NUL and the like; tab and line breaks are fine) and the
 * bidirectional overrides, embeddings and isolates. A name or title is shown
 * on many pages, inside links and lists: an unclosed right-to-left override
 * there would reverse the text that follows it on the reader's screen.
 */
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

function invisibleIssue(value: string): string | undefined {
  const found = INVISIBLE.exec(value);
  if (!found) return undefined;
  const code = found[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  const direction = /[\u202A-\u202E\u2066-\u2069]/.test(found[0]);
  const where = `at character ${found.index + 1}`;
  return direction
    ? `contains an invisible text-direction control, U+${code}, ${where}: delete it (browsers order mixed scripts by themselves)`
    : `contains an invisible control character, U+${code}, ${where}: delete it`;
}

/** Text that must say something: trimmed, not empty, nothing invisible. */
const text = (what: string) =>
  z
    .string({ message: `expected ${what} as text` })
    .trim()
    .min(1, { message: `${what} must not be empty` })
    .superRefine((value, ctx) => {
      const problem = invisibleIssue(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });

/**
 * Text a reader reads as a sentence or headline, typeset as the bodies are:
 * straight quotes curled, `--` a dash, `...` an ellipsis. A headline written
 * on a keyboard would otherwise read "Trump's" above a body's "Trump’s".
 */
const prose = (what: string) => text(what).transform((value) => typeset(value));

/** A web address that readers may follow: only http and https, no spaces or invisible characters. */
const webUrl = z
  .string()
  .trim()
  .refine((value) => /^https?:\/\/[^\s]+$/i.test(value) && !INVISIBLE.test(value), { message: 'expected an http:// or https:// address' });

export const storySchema = z.strictObject({
  /** `true` keeps this record out of the published site; it still shows in `npm run dev`. */
  draft: z.boolean({ message: 'expected true or false' }).default(false),
  /** The headline. */
  title: prose('a headline'),
  /** The standfirst under the headline: one sentence on why the story matters. */
  dek: prose('a standfirst').optional(),
  /** When the story was first published: `YYYY-MM-DD` or an ISO date-time with time zone. A time still to come schedules it: builds leave it out until then. */
  published: timestampField,
  /** Why the publication date is uncertain, when it was inferred; shown beside the date. */
  publishedNote: prose('a note on the publication date').optional(),
  /** When the story was last substantially changed. */
  updated: timestampField.optional(),
  /** Who wrote it: "Maria Okafor" (a "By " written before it is dropped, as the page adds its own). */
  byline: text('a byline')
    .transform((value) => value.replace(/^by\s+/i, ''))
    .optional(),
  /** Where the story first appeared, when it is republished. */
  source: z
    .strictObject({
      /** The publication's name. */
      name: text('the source name'),
      /** A link to the original. */
      url: webUrl.optional(),
    })
    .optional(),
  /** One or two sentences for lists, previews and search results. */
  summary: prose('a summary'),
  /**
   * The language the story is written in, when it is not English: a language
   * tag such as `es` or `pt-BR`. Its headline, standfirst, summary and text
   * are marked with it, so screen readers read them in that language.
   */
  lang: z
    .string({ message: 'expected a language tag such as es or pt-BR' })
    .trim()
    .regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, { message: 'expected a language tag such as es, fr or pt-BR' })
    .optional(),
  /** Lowercase topic labels. */
  tags: z.array(text('a tag')).default([]),
  /** Short points for a "What you need to know" box above the article. */
  keyPoints: z.array(prose('a key point')).optional(),
  /** `false` turns off automatic linking of people's names in this story; `[[…]]` links still work. */
  autolink: z.boolean({ message: 'expected true or false' }).default(true),
  /** People the story concerns even where the body does not name them (ids). */
  people: z.array(id).default([]),
  /** Events the story touches even where the body does not link them (ids). */
  events: z.array(id).default([]),
});

export const personSchema = z.strictObject({
  /** `true` keeps this record out of the published site; it still shows in `npm run dev`. */
  draft: z.boolean({ message: 'expected true or false' }).default(false),
  /** The name as readers know it: "Jeff Sessions". */
  name: text('a name'),
  /** Other names that refer to this person in text: surname, full name, titles. Each must be unique across all people. */
  aliases: z.array(text('an alias')).default([]),
  /** How the name is filed in the people index, surname first: "Sessions, Jeff". Leave out when the last word of the name is the surname. */
  sortAs: text('a name to file under').optional(),
  /** `false` keeps this person's names from being linked automatically (for common-word names); `[[…]]` links still work. */
  autolink: z.boolean({ message: 'expected true or false' }).default(true),
  /** One line on who they are, for previews and lists. */
  summary: prose('a one-line summary'),
  /** When they were born, at the precision known: their page shows it. */
  born: partialDateField.optional(),
  /** When they died: their page shows it, and a story written before says so under "Since then". */
  died: partialDateField.optional(),
  /** Offices and positions held, with the dates they began and ended. */
  roles: z
    .array(
      z.strictObject({
        /** The office: "U.S. Attorney General". */
        title: prose('a role title'),
        /** When it began. */
        from: partialDateField.optional(),
        /** When it ended; leave out while it continues. */
        to: dateField('to say it has not ended, leave `to` out (a role with no `to` is held now)').optional(),
      }),
    )
    .default([]),
});

export const eventSchema = z.strictObject({
  /** `true` keeps this record out of the published site; it still shows in `npm run dev`. */
  draft: z.boolean({ message: 'expected true or false' }).default(false),
  /** What happened, as a short headline: "Sessions recuses himself from the Russia inquiry". */
  // Not typeset (yet): the search index reads a curly "Sessions’s" in an event's title so that the event
  // outranks Jeff Sessions's own page for "sessions".
  title: text('a title'),
  /** When it happened, at the precision known: `2016`, `2016-07` or `2016-07-20`. */
  date: partialDateField,
  /** When it ended, for events that span days or months; `ongoing` for one still going on (it runs to the day of the build). */
  end: eventEndField.optional(),
  /** The time of day, 24-hour `HH:MM` as written, for a `date` with its day: it orders events of the same day ("16:00"). */
  time: z
    .string({ message: 'expected a time of day as "HH:MM", like "16:00"' })
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'expected a time of day as "HH:MM" (24-hour), like "16:00"' })
    .optional(),
  /** Who took part (person ids). */
  people: z.array(id).default([]),
  /** One or two sentences for previews and timelines. */
  summary: prose('a summary'),
  /** Where the facts were checked. */
  sources: z
    .array(
      z.strictObject({
        /** The citation: publication and date, or a document's title. */
        title: prose('a source title'),
        /** A link to it, when there is a stable one. */
        url: webUrl.optional(),
      }),
    )
    .default([]),
});

export type StoryFrontmatter = z.output<typeof storySchema>;
export type PersonFrontmatter = z.output<typeof personSchema>;
export type EventFrontmatter = z.output<typeof eventSchema>;
