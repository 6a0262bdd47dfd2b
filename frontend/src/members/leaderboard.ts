// The points leaderboard of the Members tab (issue "members": balances and
// a leaderboard): present members by points, then check-in days, then
// name, so a tie always lists the same way.
import type { LedgerMember } from '../api'

export interface LeaderRow {
  rank: number
  member: LedgerMember
}

/** leaderboard ranks present members with points; equal points and check-in days share a rank. */
export function leaderboard(members: LedgerMember[], limit = 10): LeaderRow[] {
  const sorted = members
    .filter((m) => m.present && m.points > 0)
    .sort((a, b) => b.points - a.points || b.checkinDays - a.checkinDays || a.name.localeCompare(b.name, 'zh-CN'))
  const out: LeaderRow[] = []
  for (const [i, m] of sorted.entries()) {
    if (i >= limit) break
    const prev = out[i - 1]
    const tied = prev && prev.member.points === m.points && prev.member.checkinDays === m.checkinDays
    out.push({ rank: tied ? prev.rank : i + 1, member: m })
  }
  return out
}
