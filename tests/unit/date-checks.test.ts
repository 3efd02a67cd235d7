/**
 * The "Date check" a reader sees where a relative date conflicts with the
 * story or with the event it links: after the link, not inside its name, and
 * left to the editor when their note is marked in the same sentence (the
 * editor still gets the warning). Such a date is never shown resolved.
 */
import { describe, expect, it } from 'vitest';
import { linkMentions } from '../../src/lib/mentions.ts';
import { LinkIndex } from '../../src/lib/resolve.ts';
import { parseMarkdown } from '../../src/lib/parse-markdown.ts';
import { partialDate } from '../../src/lib/dates.ts';
import { renderTree } from '../../src/markdown/render.ts';
import type { EventId } from '../../src/lib/ids.ts';
import type { Target } from '../../src/lib/records.ts';

const index = new LinkIndex([], [{ id: 'recusal' as EventId, title: 'The recusal', file: 'content/events/recusal.md', date: partialDate('2017-03-02') }]);
const href = (target: Target) => `/${target.kind}s/${target.id}/`;

function render(md: string) {
  const tree = parseMarkdown(md);
  const { dates } = linkMentions(tree, { index, href, source: md, published: partialDate('2017-06-07') });
  const html = renderTree(tree);
  return { html, checks: [...html.matchAll(/<span class="date-conflict" role="note">/g)].length, conflicts: dates.filter((d) => d.conflict).length };
}

describe('date checks', () => {
  it('stand beside the words when no link holds them', () => {
    const { html, checks } = render('The minister resigned tomorrow.');
    expect(checks).toBe(1);
    expect(html).toMatch(/resigned tomorrow <span class="date-conflict" role="note">Date check: [^<]*<\/span>\./);
  });

  it('never show the date they resolve to beside the words: it would be a date the story gets wrong', () => {
    const { html } = render('He [[recusal|stepped aside yesterday]].[^when]\n\n[^when]: He stepped aside on 2 March 2017.\n');
    expect(html).toContain('stepped aside yesterday</a>');
    expect(html).not.toMatch(/resolved-date|anchored-date|June 6, 2017/);
  });

  it('go after the link whose words hold the date, outside its name', () => {
    const { html, checks } = render('He [[recusal|stepped aside yesterday]] and left.');
    expect(checks).toBe(1);
    expect(html).toMatch(/<a href="\/events\/recusal\/"[^>]*>stepped aside yesterday<\/a> <span class="date-conflict" role="note">Date check: the linked event “The recusal” is dated March 2, 2017<\/span> and left\./);
  });

  it('leave a day of the story\'s own update alone: it is the update, not last year\'s', () => {
    const md = '*Updated on June 9 with the senator\'s reply.*';
    const { dates } = linkMentions(parseMarkdown(md), { index, href, source: md, published: partialDate('2017-06-07'), updated: partialDate('2017-06-09') });
    expect(dates).toMatchObject([{ text: 'on June 9', datetime: '2017-06-09' }]);
    expect(dates[0]!.conflict).toBeUndefined();
  });

  it('name a linked event’s whole span', () => {
    const hearings = new LinkIndex([], [{ id: 'hearings' as EventId, title: 'The hearings', file: 'content/events/hearings.md', date: partialDate('2017-02-26'), end: partialDate('2017-03-01') }]);
    const md = 'They [[hearings|ended on Friday]].';
    const { dates } = linkMentions(parseMarkdown(md), { index: hearings, href, source: md, published: partialDate('2017-06-07') });
    expect(dates[0]!.conflict).toBe('the linked event “The hearings” is dated February 26 – March 1, 2017');
  });

  it('give way to the editor’s note marked in the same sentence, which the editor is still warned of', () => {
    const md = 'He [[recusal|stepped aside yesterday]].[^when] Then he left tomorrow.\n\n[^when]: He stepped aside on 2 March 2017.\n';
    const { checks, conflicts } = render(md);
    // The first sentence has the editor's note; the second ("left tomorrow", past tense) is checked.
    expect(conflicts).toBe(2);
    expect(checks).toBe(1);
  });
});

describe('quotes of a sentence with dates', () => {
  const quote = (md: string) => {
    const tree = parseMarkdown(md);
    return linkMentions(tree, { index, href, source: md, published: partialDate('2017-06-07') }).mentions.map((m) => `${m.sentence.slice(0, m.start)}[${m.sentence.slice(m.start, m.end)}]${m.sentence.slice(m.end)}`);
  };

  it.each<[string, string, string[]]>([
    ['a date before the mention', 'Last year’s vote came before [[recusal|the recusal]].', ['Last year’s (2016) vote came before [the recusal].']],
    ['a date inside the mention’s words', 'He [[recusal|stepped aside in March]] and left.', ['He [stepped aside in March (March 2017)] and left.']],
    ['a date after it', 'Then [[recusal|the recusal]] came in March.', ['Then [the recusal] came in March (March 2017).']],
    ['a date the story gets wrong is quoted as written', 'He [[recusal|stepped aside yesterday]].', ['He [stepped aside yesterday].']],
    ['dates in another sentence stay out', 'It was March. Then [[recusal|the recusal]] came.', ['Then [the recusal] came.']],
  ])('show them resolved as the page does: %s', (_name, md, expected) => {
    expect(quote(md)).toEqual(expected);
  });
});
