import type { APIRoute, GetStaticPaths } from 'astro';
import { graph } from '../../../data/site.ts';
import { personPreview } from '../../../lib/preview.ts';
import type { PersonRecord } from '../../../lib/records.ts';

export const getStaticPaths = (() => graph.peopleByName.map((person) => ({ params: { id: person.id }, props: { person } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ person: PersonRecord }> = ({ props }) => Response.json(personPreview(props.person));
