import { describe, expect, it } from 'vitest'
import { toMember } from '../api/members'
import { makeMemberDTO } from '../testing/membersFixtures'
import { distinction, mergeTargets, otherNames } from './merge'

const m = (over: Record<string, unknown>) => toMember(makeMemberDTO(over) as never)

const bj = m({ id: 1, name: '小王', names: ['小王', '小王-北京'], ids: [], lastMessageAt: '2024-03-05T20:30:00+08:00' })
const sh = m({ id: 2, name: '小王', names: ['小王', '小王-上海'], ids: [], lastMessageAt: '2024-03-06T21:00:00+08:00' })
const gz = m({ id: 3, name: '小王', names: ['小王'], ids: [], lastMessageAt: '' })
const chen = m({ id: 4, name: '陈晓雨', names: ['陈晓雨', '晓雨-杭州'], ids: ['chenxy_1995'] })
const all = [bj, sh, gz, chen]

describe('merge targets', () => {
  it('offers, with no query, the other members who share a name, the latest speaker first', () => {
    expect(mergeTargets(all, bj, '').list.map((x) => x.id)).toEqual([2, 3])
    expect(mergeTargets(all, chen, '').list).toEqual([])
  })

  it('finds any other member by name, remark or 微信号, never the member itself', () => {
    expect(mergeTargets(all, bj, 'CHENXY').list.map((x) => x.id)).toEqual([4])
    expect(mergeTargets(all, bj, '上海').list.map((x) => x.id)).toEqual([2])
    expect(mergeTargets(all, bj, '北京').list).toEqual([])
  })

  it('says how many more matched than it shows', () => {
    const many = Array.from({ length: 45 }, (_, i) => m({ id: 100 + i, name: `读者${i}`, names: [`读者${i}`], ids: [] }))
    const t = mergeTargets(many, bj, '读者', 30)
    expect(t.list).toHaveLength(30)
    expect(t.more).toBe(15)
  })
})

describe('telling records apart', () => {
  it('adds nothing when the names differ', () => {
    expect(distinction(bj, chen)).toBe('')
  })

  it('adds a name the other record lacks when both are called the same', () => {
    expect(distinction(sh, bj)).toBe('小王-上海')
    expect(distinction(bj, sh)).toBe('小王-北京')
  })

  it('has no name to add for a record known by its display name only', () => {
    expect(distinction(gz, bj)).toBeNull()
    expect(otherNames(gz)).toEqual([])
    expect(otherNames(chen)).toEqual(['晓雨-杭州'])
  })
})
