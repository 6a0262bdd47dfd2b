import { beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('../../wailsjs/go/app/MembersService', () => ({
  Ledger: vi.fn(),
  Member: vi.fn(),
  Save: vi.fn(),
  AcceptSuggestion: vi.fn(),
  DismissSuggestion: vi.fn(),
  DismissStrike: vi.fn(),
  Export: vi.fn(),
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
})
