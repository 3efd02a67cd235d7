/** Roles over time: what office a person held on a given day, and whether they were still alive. */
import type { PersonRecord } from './records.ts';
import { compareDates, endOf, startOf, type PartialDate } from './dates.ts';

export type Role = PersonRecord['roles'][number];

/**
 * A person's roles as the site shows them: one still open (no `to`) when
 * they died ended with them. An editor closes a role when someone leaves it,
 * rarely when they die in it; left open, a page would say "since 2011" of
 * someone dead since 2021, and a story of 2025 that they held it then.
 */
export function rolesEndedAtDeath<T extends Pick<PersonRecord, 'roles' | 'died'>>(person: T): T {
  const { died } = person;
  if (!died || person.roles.every((role) => role.to)) return person;
  return { ...person, roles: person.roles.map((role) => (role.to ? role : { ...role, to: died })) };
}

/** Roles held on `day`: begun by its end and not ended before its start. */
export function rolesAt(person: Pick<PersonRecord, 'roles'>, day: PartialDate): Role[] {
  return person.roles.filter(
    (role) => (!role.from || startOf(role.from) <= endOf(day)) && (!role.to || endOf(role.to) >= startOf(day)),
  );
}

/**
 * A person's death as a story of `day` tells it: `by` when they had died by
 * then (or may have, in its month or year), `since` when it came after.
 */
export function deathAsOf(person: Partial<Pick<PersonRecord, 'died'>>, day: PartialDate): { by?: PartialDate; since?: PartialDate } {
  if (!person.died) return {};
  return startOf(person.died) > endOf(day) ? { since: person.died } : { by: person.died };
}

/** What changed after a day: an office taken up since (it may have ended too), or one held then and left since. */
export type RoleChange = { change: 'became'; role: Role & { from: PartialDate } } | { change: 'left'; role: Role & { to: PartialDate } };

/**
 * Roles that began or ended after `day`: what changed since, each as the
 * change it was, in the order they happened (a file lists roles as its
 * editor wrote them, not always by date).
 */
export function changesAfter(person: Pick<PersonRecord, 'roles'>, day: PartialDate): RoleChange[] {
  const after = (date: PartialDate | undefined): date is PartialDate => date !== undefined && startOf(date) > endOf(day);
  const changes = person.roles.flatMap((role): RoleChange[] => {
    if (after(role.from)) return [{ change: 'became', role: { ...role, from: role.from } }];
    if (after(role.to)) return [{ change: 'left', role: { ...role, to: role.to } }];
    return [];
  });
  const when = (c: RoleChange) => (c.change === 'became' ? c.role.from : c.role.to);
  return changes.sort((a, b) => compareDates(when(a), when(b)));
}

/** For someone who held no role on `day`, the one that ended last before it: who they had been. */
export function lastRoleBefore(person: Pick<PersonRecord, 'roles'>, day: PartialDate): (Role & { to: PartialDate }) | undefined {
  if (rolesAt(person, day).length > 0) return undefined;
  let last: (Role & { to: PartialDate }) | undefined;
  for (const role of person.roles) {
    if (role.to && endOf(role.to) < startOf(day) && (!last || endOf(role.to) > endOf(last.to))) last = role as Role & { to: PartialDate };
  }
  return last;
}

/**
 * The role a person holds now, or else the one they held last: an open role
 * (no `to`) that began latest, otherwise the role that ended latest. A role
 * with a `to` has ended.
 */
export function latestRole(person: Pick<PersonRecord, 'roles'>): Role | undefined {
  const open = person.roles.filter((r) => !r.to);
  const byStart = (a: Role, b: Role) => (b.from ? startOf(b.from).getTime() : -Infinity) - (a.from ? startOf(a.from).getTime() : -Infinity);
  if (open.length > 0) return [...open].sort(byStart)[0]!;
  return [...person.roles].sort((a, b) => endOf(b.to!).getTime() - endOf(a.to!).getTime() || byStart(a, b))[0];
}
