/**
 * Where a person is filed in the people index: by surname, as a "who's who"
 * is, so Jeff Sessions is under S. The surname is the last word of the name,
 * with the particles before it, in either case ("Ursula von der Leyen" and
 * "Alexander Van der Bellen" under V, "Marine Le Pen" under L) and without a
 * suffix after it ("Donald Trump Jr." under T). Names this
 * reads wrongly (a surname written first, as in "Li Wei"; a double surname)
 * are filed as their record's `sortAs` says.
 */

/** Words after a surname that are not part of it. */
export const SUFFIX = /^(?:Jr\.?|Sr\.?|II|III|IV|V|VI)$/;
/**
 * Words that belong to the surname after them, written small or, as many
 * families write them, capitalised ("Van Buren"): Dutch, German, Romance,
 * Irish ("Siobhán Ní Bhriain", "Seán Mac Diarmada", "Ó Súilleabháin"), Welsh
 * ("ap Rhys") and Arabic ("bin", "ibn", "al").
 */
const PARTICLE = /^(?:van|von|zu|der|den|de|del|della|di|da|do|dos|das|du|la|le|ten|ter|bin|bint|ibn|al|el|ní|nic|ó|ua|uí|mac|ap|ab)$/iu;

/** The name a person is filed and sorted under: `sortAs`, or the name with its surname first ("Sessions, Jeff"). */
export function filingName(person: { name: string; sortAs?: string }): string {
  if (person.sortAs) return person.sortAs;
  const words = person.name.trim().split(/\s+/).map((word) => word.replace(/,$/, ''));
  while (words.length > 1 && SUFFIX.test(words.at(-1)!)) words.pop();
  if (words.length <= 1) return person.name.trim();
  let start = words.length - 1;
  while (start > 1 && PARTICLE.test(words[start - 1]!)) start--;
  return `${words.slice(start).join(' ')}, ${words.slice(0, start).join(' ')}`;
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** People in the order of the index: by filing name, then by name; each filing name made once, not at every comparison. */
export function sortedByFilingName<T extends { name: string; sortAs?: string }>(people: Iterable<T>): T[] {
  return [...people]
    .map((person) => ({ person, filed: filingName(person) }))
    .sort((a, b) => collator.compare(a.filed, b.filed) || a.person.name.localeCompare(b.person.name))
    .map(({ person }) => person);
}
