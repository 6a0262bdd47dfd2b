// The removal list (移出名单) of the Members tab: present members who are
// inactive by the 14-day rule (never-spoke members included; Go already
// leaves out staff, admins and core members) or who reached the strike limit.
import type { LedgerMember } from '../api'

export type RemovalReason = 'inactive' | 'strikes'

export interface RemovalEntry {
  member: LedgerMember
  reasons: RemovalReason[]
}

export function removalList(members: LedgerMember[]): RemovalEntry[] {
  const out: RemovalEntry[] = []
  for (const m of members) {
    if (!m.present) continue
    const reasons: RemovalReason[] = []
    if (m.inactive === true) reasons.push('inactive')
    if (m.struckOut) reasons.push('strikes')
    if (reasons.length) out.push({ member: m, reasons })
  }
  // strike-outs first (a rule was broken), then the longest silent: never spoke, then the oldest last message
  return out.sort((a, b) => {
    const sa = a.reasons.includes('strikes') ? 0 : 1
    const sb = b.reasons.includes('strikes') ? 0 : 1
    if (sa !== sb) return sa - sb
    return (Date.parse(a.member.lastMessageAt) || 0) - (Date.parse(b.member.lastMessageAt) || 0)
  })
}

/** copyText is what the Copy button puts on the clipboard: one name a line. */
export function copyText(list: RemovalEntry[]): string {
  return list.map((e) => e.member.name).join('\n')
}
