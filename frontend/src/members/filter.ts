// The ledger's search and filters. They run in the page on the whole ledger
// Go sent (hundreds to a few thousand rows), so typing never waits on Go.
import type { LedgerMember, Tier } from '../api'

export type Presence = 'present' | 'left'

export interface MemberFilter {
  /** any name or id, case-insensitive, anywhere in it */
  query: string
  tier: Tier | null
  tag: string | null
  presence: Presence | null
  /** only removal candidates by the 14-day rule */
  inactiveOnly: boolean
  /** only members with a live strike */
  strikesOnly: boolean
}

export const emptyFilter = (): MemberFilter => ({
  query: '',
  tier: null,
  tag: null,
  presence: null,
  inactiveOnly: false,
  strikesOnly: false,
})

const haystacks = new WeakMap<LedgerMember, string>()

/** haystack is every name and id of a member, lower-cased, computed once per row. */
function haystack(m: LedgerMember): string {
  let h = haystacks.get(m)
  if (h === undefined) {
    h = [m.name, ...m.names, ...m.ids].join('\n').toLowerCase()
    haystacks.set(m, h)
  }
  return h
}

export function matches(m: LedgerMember, f: MemberFilter): boolean {
  const q = f.query.trim().toLowerCase()
  if (q && !haystack(m).includes(q)) return false
  if (f.tier && m.tier !== f.tier) return false
  if (f.tag && !m.tags.includes(f.tag)) return false
  if (f.presence === 'present' && !m.present) return false
  if (f.presence === 'left' && m.present) return false
  if (f.inactiveOnly && m.inactive !== true) return false
  if (f.strikesOnly && m.strikes === 0) return false
  return true
}

export function filterMembers(list: LedgerMember[], f: MemberFilter): LedgerMember[] {
  return list.filter((m) => matches(m, f))
}

/** isFiltering is true when any filter narrows the list. */
export function isFiltering(f: MemberFilter): boolean {
  return Boolean(f.query.trim() || f.tier || f.tag || f.presence || f.inactiveOnly || f.strikesOnly)
}
