/** Where the people index files a name: by surname, as a "who's who" does. */
import { describe, expect, it } from 'vitest';
import { filingName, sortedByFilingName } from '../../src/lib/filing.ts';

describe('filingName', () => {
  it.each([
    ['Jeff Sessions', 'Sessions, Jeff'],
    ['Robert S. Mueller III', 'Mueller, Robert S.'],
    ['Donald Trump Jr.', 'Trump, Donald'],
    ['Martin Luther King, Jr.', 'King, Martin Luther'],
    ['Ursula von der Leyen', 'von der Leyen, Ursula'],
    ['Alexander Van der Bellen', 'Van der Bellen, Alexander'],
    ['Marine Le Pen', 'Le Pen, Marine'],
    ['Siobhán Ní Bhriain', 'Ní Bhriain, Siobhán'],
    ['Seán Mac Diarmada', 'Mac Diarmada, Seán'],
    ['Tomás Ó Súilleabháin', 'Ó Súilleabháin, Tomás'],
    ['Abdullah ibn Saud', 'ibn Saud, Abdullah'],
    ['Martin Van Buren', 'Van Buren, Martin'],
    ['Van Morrison', 'Morrison, Van'],
    ['Hans-Peter Müller', 'Müller, Hans-Peter'],
    ['Zoë Øberg', 'Øberg, Zoë'],
    ['  Madonna  ', 'Madonna'],
    ['习近平', '习近平'],
    ['Владимир Путин', 'Путин, Владимир'],
  ])('%s → %s', (name, filed) => {
    expect(filingName({ name })).toBe(filed);
  });

  it('takes the record’s own filing where given', () => {
    expect(filingName({ name: 'Li Wei', sortAs: 'Li Wei' })).toBe('Li Wei');
  });
});

describe('sortedByFilingName', () => {
  it('orders by surname, then by name, accents and case aside', () => {
    const names = ['Zeno Tor', 'ada aal', 'Émile Zola', 'Bruno Ek', 'Anna Ek', 'Jeff Sessions'].map((name) => ({ name }));
    expect(sortedByFilingName(names).map((p) => p.name)).toEqual(['ada aal', 'Anna Ek', 'Bruno Ek', 'Jeff Sessions', 'Zeno Tor', 'Émile Zola']);
  });
});
