import { describe, expect, it } from 'vitest'
import { toMember } from '../api/members'
import { makeMemberDTO } from '../testing/membersFixtures'
import { copyText, removalList } from './removal'

const m = (over: Record<string, unknown>) => toMember(makeMemberDTO(over) as never)

describe('removal list', () => {
  const list = removalList([
    m({ id: 1, name: '活跃的', inactive: false }),
    m({ id: 2, name: '潜水很久', inactive: true, lastMessageAt: '2024-01-02T10:00:00+08:00' }),
    m({ id: 3, name: '从未发言', inactive: true, lastMessageAt: '' }),
    m({ id: 4, name: '刷屏者', inactive: false, strikes: 3, struckOut: true }),
    m({ id: 5, name: '已退群', inactive: true, present: false }),
    m({ id: 6, name: '未测量', inactive: undefined }),
  ])

  it('lists strike-outs first, then the never-spoke, then the longest silent; never who left', () => {
    expect(list.map((e) => e.member.name)).toEqual(['刷屏者', '从未发言', '潜水很久'])
    expect(list[0].reasons).toEqual(['strikes'])
    expect(list[1].reasons).toEqual(['inactive'])
  })

  it('copies one name a line', () => {
    expect(copyText(list)).toBe('刷屏者\n从未发言\n潜水很久')
  })
})
