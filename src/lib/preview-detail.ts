/**
 * What a preview card says of a person on a dated page: on a 2017 story,
 * the role they held in 2017, not the one they hold now (the "Who's who" box
 * of the same page says "At the time" too). Shared by the build, which
 * writes the roles into the card's data, and the card script, which picks
 * one: so it imports nothing.
 */

/** A role as the card's data carries it: dates as ISO text at their precision ("2017", "2017-02-09"). */
export interface PreviewRole {
  title: string;
  from?: string;
  to?: string;
}

/** Whether the role was held on `day` (ISO, at any precision); an end given as a year or month covers all of it. */
export function heldOn(role: PreviewRole, day: string): boolean {
  return (!role.from || role.from.slice(0, day.length) <= day.slice(0, role.from.length)) && (!role.to || day.slice(0, role.to.length) <= role.to);
}

/** The card's line under the name on a page about `day`: the roles held then, or else the card's own line (the latest role). */
export function detailOn(preview: { detail?: string; roles?: readonly PreviewRole[] }, day: string | undefined): string | undefined {
  if (!day || !preview.roles) return preview.detail;
  const held = preview.roles.filter((role) => heldOn(role, day));
  return held.length > 0 ? `At the time: ${held.map((role) => role.title).join('; ')}` : preview.detail;
}
