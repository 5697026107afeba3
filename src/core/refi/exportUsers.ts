/**
 * REFI-QDA Users: the reviewers of `qualsynth.yaml` (`Jo Bellweather (JB)` becomes name
 * `Jo Bellweather`, id `JB`) and every distinct `coder="…"` value of a span. A coder
 * value that matches a reviewer's id or name (ignoring case) is that reviewer. Every
 * coding names a user (qc's reader requires it, QualCoder shows it): a span without
 * `coder=` is credited to the review's default user, the first reviewer, or a user
 * named "QualSynth" when the review names none.
 */
import type { GuidRegistry } from './guid';
import { xmlSafe, type XmlOut } from './xml';

/** One user of the export. */
export interface ExportUser {
  readonly guid: string;
  readonly name: string;
  readonly id?: string;
}

/** The users and a way to find the user of a coder value. */
export interface ExportUsers {
  readonly users: readonly ExportUser[];
  /** The user of codings without a coder: the first reviewer, else the placeholder. */
  readonly defaultUser: ExportUser;
  /** The GUID of the user a `coder=` value stands for (the default user's when there is none). */
  guidOfCoder(coder: string | undefined): string;
}

/** The name of the user QualSynth credits codings to when the review names no reviewer. */
export const PLACEHOLDER_USER = 'QualSynth';

/** Users from reviewers and coder values, in that order. */
export function exportUsers(reviewers: readonly string[], coders: Iterable<string>, guids: GuidRegistry): ExportUsers {
  const users: ExportUser[] = [];
  const byKey = new Map<string, ExportUser>();
  for (const reviewer of reviewers) {
    const match = /^(.*?)\s*\(([^()]+)\)\s*$/.exec(reviewer.trim());
    const name = (match ? match[1] : reviewer).trim() || reviewer.trim();
    const user: ExportUser = { guid: guids.next(`user:${name}`), name, id: match?.[2].trim() };
    users.push(user);
    for (const key of [name, user.id]) if (key && !byKey.has(key.toLowerCase())) byKey.set(key.toLowerCase(), user);
  }
  for (const coder of [...new Set(coders)].sort()) {
    if (byKey.has(coder.toLowerCase())) continue;
    const user: ExportUser = { guid: guids.next(`user:${coder}`), name: coder, id: coder };
    users.push(user);
    byKey.set(coder.toLowerCase(), user);
  }
  const defaultUser = reviewers.length > 0 ? users[0] : { guid: guids.next(`user:${PLACEHOLDER_USER}`), name: PLACEHOLDER_USER };
  if (reviewers.length === 0) users.unshift(defaultUser);
  return { users, defaultUser, guidOfCoder: (coder) => (coder && byKey.get(coder.toLowerCase())?.guid) || defaultUser.guid };
}

/** The `<User>` element of a user. */
export function userElement(user: ExportUser): XmlOut {
  const element: XmlOut = { '@guid': user.guid, '@name': xmlSafe(user.name) };
  if (user.id) element['@id'] = xmlSafe(user.id);
  return element;
}
