/** Roles over time: what office a person held on a given day. */
import type { PersonRecord } from './records.ts';
import { endOf, startOf, type PartialDate } from './dates.ts';

export type Role = PersonRecord['roles'][number];

/** Roles held on `day`: begun by its end and not ended before its start. */
export function rolesAt(person: Pick<PersonRecord, 'roles'>, day: PartialDate): Role[] {
  return person.roles.filter(
    (role) => (!role.from || startOf(role.from) <= endOf(day)) && (!role.to || endOf(role.to) >= startOf(day)),
  );
}

/** Roles that began or ended after `day`: what changed since. */
export function changesAfter(person: Pick<PersonRecord, 'roles'>, day: PartialDate): Role[] {
  return person.roles.filter((role) => (role.from && startOf(role.from) > endOf(day)) || (role.to && startOf(role.to) > endOf(day)));
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
