import { describe, expect, it } from 'vitest'
import { toLedger } from '../api/members'
import { makeLedgerDTO } from '../testing/membersFixtures'
import { emptyFilter, filterMembers, isFiltering, type MemberFilter } from './filter'

const all = toLedger(makeLedgerDTO() as never).members
const names = (f: Partial<MemberFilter>) => filterMembers(all, { ...emptyFilter(), ...f }).map((m) => m.id)

describe('member filters', () => {
  it('finds a member by any name or id, ignoring case', () => {
    expect(names({ query: '晓雨-杭州' })).toEqual([1]) // a group nickname, not the display name
    expect(names({ query: 'CHENXY' })).toEqual([1]) // the 微信号
    expect(names({ query: 'wxid_lzq' })).toEqual([2])
    expect(names({ query: '  ' })).toEqual([1, 2, 3])
    expect(names({ query: '没有这个人' })).toEqual([])
  })

  it('filters by tier, tag, presence, inactivity and strikes', () => {
    expect(names({ tier: 'admin' })).toEqual([2])
    expect(names({ tag: '老学员' })).toEqual([1])
    expect(names({ presence: 'left' })).toEqual([3])
    expect(names({ presence: 'present' })).toEqual([1, 2])
    expect(names({ inactiveOnly: true })).toEqual([3])
    expect(names({ strikesOnly: true })).toEqual([3])
    expect(names({ tier: 'normal', presence: 'present' })).toEqual([1])
  })

  it('knows when a filter narrows the list', () => {
    expect(isFiltering(emptyFilter())).toBe(false)
    expect(isFiltering({ ...emptyFilter(), query: ' ' })).toBe(false)
    expect(isFiltering({ ...emptyFilter(), strikesOnly: true })).toBe(true)
  })
})
