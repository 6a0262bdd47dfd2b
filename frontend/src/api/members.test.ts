import { beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('../../wailsjs/go/app/MembersService', () => ({
  Ledger: vi.fn(),
  Member: vi.fn(),
  Save: vi.fn(),
  AcceptSuggestion: vi.fn(),
  DismissSuggestion: vi.fn(),
  DismissStrike: vi.fn(),
  Export: vi.fn(),
  MergeCandidates: vi.fn(),
  Merge: vi.fn(),
}))

import * as MembersService from '../../wailsjs/go/app/MembersService'
import { ApiError, members } from './index'
import { makeDetailDTO, makeLedgerDTO, makeMemberDTO } from '../testing/membersFixtures'

const bound = vi.mocked(MembersService)

beforeEach(() => {
  vi.resetAllMocks()
})

describe('members api', () => {
  it('reads the ledger; a missing inactive stays null (not measured), never false', async () => {
    const dto = makeLedgerDTO({ members: [makeMemberDTO({ inactive: undefined }), makeMemberDTO({ id: 2, inactive: true, tier: 'boss' })] })
    bound.Ledger.mockResolvedValue(dto as never)
    const l = await members.ledger(7, '2024-W10')
    expect(bound.Ledger).toHaveBeenCalledWith(7, '2024-W10')
    expect(l.members[0].inactive).toBeNull()
    expect(l.members[1].inactive).toBe(true)
    expect(l.members[1].tier).toBe('normal') // an unknown tier never reaches the view
    expect(l.target).toEqual({ admin: 1, core: 1, normal: 1 })
    expect(l.suggestions[0]).toMatchObject({ memberId: 1, from: 'normal', to: 'core', version: 3 })
  })

  it('keeps nulls from Go as empty lists', async () => {
    bound.Ledger.mockResolvedValue({ ...makeLedgerDTO(), members: null, suggestions: null, tags: null } as never)
    const l = await members.ledger(7, '2024-W10')
    expect(l.members).toEqual([])
    expect(l.suggestions).toEqual([])
    expect(l.tags).toEqual([])
  })

  it('reads a member page and sends the edit form with its version', async () => {
    bound.Member.mockResolvedValue(makeDetailDTO() as never)
    const d = await members.member(7, 1, '2024-W10')
    expect(d.timeline.map((e) => e.kind)).toEqual(['checkin', 'share', 'strike', 'joined'])
    expect(d.timeline[1]).toMatchObject({ points: 20, content: '读书方法<i>分享</i>' })
    expect(d.timeline[2]).toMatchObject({ rule: 'ads', live: true, key: 'ads:1:1' })
    bound.Save.mockResolvedValue(makeDetailDTO() as never)
    await members.save(7, 1, '2024-W10', { version: 3, tier: 'core', tierLocked: true, tags: ['志愿者'], notes: '备注' })
    expect(bound.Save).toHaveBeenCalledWith(7, 1, '2024-W10', { version: 3, tier: 'core', tierLocked: true, tags: ['志愿者'], notes: '备注' })
  })

  it('turns a stale save into an ApiError with code conflict', async () => {
    bound.Save.mockRejectedValue({ code: 'conflict', message: '“陈晓雨”的资料已在别处被修改' })
    const err = await members.save(7, 1, '2024-W10', { version: 1, tier: 'core', tierLocked: true, tags: [], notes: '' }).catch((e) => e)
    expect(err).toBeInstanceOf(ApiError)
    expect(err.code).toBe('conflict')
    expect(err.message).toContain('陈晓雨')
  })

  it('accepts and dismisses suggestions, exports, and reports a cancelled export as ""', async () => {
    const l = (bound.Ledger.mockResolvedValue(makeLedgerDTO() as never), await members.ledger(7, '2024-W10'))
    await members.acceptSuggestion(7, '2024-W10', l.suggestions[0])
    expect(bound.AcceptSuggestion).toHaveBeenCalledWith(7, 1, '2024-W10', 'core', 3)
    await members.dismissSuggestion(7, '2024-W10', l.suggestions[0])
    expect(bound.DismissSuggestion).toHaveBeenCalledWith(7, 1, '2024-W10', 'core')
    bound.Export.mockResolvedValueOnce('/tmp/a.xlsx')
    expect(await members.exportLedger(7, '2024-W10', 'xlsx', [1, 3])).toBe('/tmp/a.xlsx')
    expect(bound.Export).toHaveBeenCalledWith(7, '2024-W10', 'xlsx', [1, 3])
    bound.Export.mockResolvedValueOnce('')
    expect(await members.exportLedger(7, '2024-W10', 'csv', [])).toBe('')
  })

  it('reads merge candidates (nulls as empty) and sends a merge with the kept record’s version', async () => {
    bound.MergeCandidates.mockResolvedValue([
      {
        name: '小王',
        into: { id: 2, version: 3, name: '小王', names: ['小王', '小王-北京'], firstMessageAt: '2024-03-04T08:10:00+08:00', lastMessageAt: '2024-03-05T20:30:00+08:00', messages: 3 },
        from: [{ id: 3, version: 2, name: '小王', names: null, firstMessageAt: '', lastMessageAt: '', messages: 0 }],
      },
      { name: '阿May', into: { id: 5, version: 1, name: '阿May' }, from: null },
    ] as never)
    const c = await members.mergeCandidates(7)
    expect(bound.MergeCandidates).toHaveBeenCalledWith(7)
    expect(c[0].into).toMatchObject({ id: 2, version: 3, messages: 3, names: ['小王', '小王-北京'] })
    expect(c[0].from[0]).toMatchObject({ id: 3, names: [], lastMessageAt: '' })
    expect(c[1].from).toEqual([])
    expect(c[1].into.firstMessageAt).toBe('')

    bound.Merge.mockResolvedValue({ batchId: 40, label: '小王 ×2 → 小王', intoId: 2, name: '小王', merged: 2, duplicates: 1 } as never)
    const r = await members.merge(7, c[0].into, [3, 4])
    expect(bound.Merge).toHaveBeenCalledWith({ groupId: 7, intoId: 2, intoVersion: 3, fromIds: [3, 4] })
    expect(r).toEqual({ batchId: 40, label: '小王 ×2 → 小王', intoId: 2, name: '小王', merged: 2, duplicates: 1 })
  })

  it('turns a refused merge into an ApiError in Go’s words', async () => {
    bound.Merge.mockRejectedValue({ code: 'conflict', message: '“小王”和“陈晓雨”的微信号不同，是两个人，不能合并' })
    const err = await members.merge(7, { id: 1, version: 1 }, [2]).catch((e) => e)
    expect(err).toBeInstanceOf(ApiError)
    expect(err.code).toBe('conflict')
    expect(err.message).toContain('两个人')
  })
})
