import { describe, expect, it } from 'vitest'
import { leaderboard } from './leaderboard'
import type { LedgerMember } from '../api'

const m = (id: number, name: string, points: number, checkinDays: number, present = true) =>
  ({ id, name, points, checkinDays, present }) as LedgerMember

describe('points leaderboard', () => {
  it('ranks present members by points, then check-in days, sharing a rank on a full tie', () => {
    const rows = leaderboard([m(1, '乙', 30, 6), m(2, '甲', 45, 9), m(3, '丙', 30, 6), m(4, '丁', 30, 2), m(5, '走了', 99, 20, false), m(6, '零', 0, 0)])
    expect(rows.map((r) => [r.rank, r.member.name])).toEqual([
      [1, '甲'],
      [2, '丙'],
      [2, '乙'],
      [4, '丁'],
    ])
  })

  it('keeps the top ten', () => {
    const many = Array.from({ length: 15 }, (_, i) => m(i + 1, `成员${i}`, 100 - i, 1))
    expect(leaderboard(many)).toHaveLength(10)
    expect(leaderboard(many)[9].member.points).toBe(91)
  })
})
