// The member merge's choices in the page: which other members the "合并到…"
// dialog offers, and how a record is told apart from another of the same
// name. Pure functions over what Go already sent.
import type { LedgerMember } from '../api'
import { emptyFilter, matches } from './filter'

/** Anything that names a record: a ledger line or a merge candidate's record. */
export interface Named {
  id: number
  name: string
  names: string[]
  lastMessageAt: string
}

export interface Targets {
  /** the members to show, likeliest first */
  list: LedgerMember[]
  /** how many more matched than are shown */
  more: number
}

const key = (s: string) => s.trim().toLowerCase()

/** nameSet is every name of a record, compared case-insensitively. */
function nameSet(m: Named): Set<string> {
  return new Set([m.name, ...m.names].map(key).filter(Boolean))
}

/** sharesName is true when two records have a name in common. */
export function sharesName(a: Named, b: Named): boolean {
  const names = nameSet(a)
  return [...nameSet(b)].some((n) => names.has(n))
}

/**
 * mergeTargets is what the dialog lists for merging `self` into another
 * member: with no query, the members who share a name with it (the likely
 * other records of the same person); with a query, every other member whose
 * name or id contains it, those sharing a name first. At most `limit`.
 */
export function mergeTargets(all: LedgerMember[], self: Named, query: string, limit = 30): Targets { // not a Go rule: a list's length
  const others = all.filter((m) => m.id !== self.id)
  let found: LedgerMember[]
  if (!query.trim()) {
    found = others.filter((m) => sharesName(m, self))
  } else {
    const f = { ...emptyFilter(), query }
    found = others.filter((m) => matches(m, f))
  }
  const rank = (m: LedgerMember) => (sharesName(m, self) ? 0 : 1)
  found.sort((a, b) => rank(a) - rank(b) || (Date.parse(b.lastMessageAt) || 0) - (Date.parse(a.lastMessageAt) || 0))
  return { list: found.slice(0, limit), more: Math.max(0, found.length - limit) }
}

/**
 * otherNames are a record's names beside its display name: what tells two
 * records called 小王 apart (小王-北京, 小王-上海).
 */
export function otherNames(m: Named): string[] {
  const shown = key(m.name)
  return m.names.filter((n) => key(n) !== shown && n.trim() !== '')
}

/**
 * distinction is what to add to a's name so the operator can tell it from b:
 * '' when their names already differ; when both show the same name, a name
 * of a's that b lacks, else null (the caller then shows a's last message
 * date, or that it never spoke).
 */
export function distinction(a: Named, b: Named): string | null {
  if (key(a.name) !== key(b.name)) return ''
  const theirs = nameSet(b)
  return otherNames(a).find((n) => !theirs.has(key(n))) ?? null
}
