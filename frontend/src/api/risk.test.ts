import { beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('../../wailsjs/go/app/RiskService', () => ({
  View: vi.fn(),
  OpenFromHit: vi.fn(),
  DismissHit: vi.fn(),
  UpdateIncident: vi.fn(),
  SaveSet: vi.fn(),
  OverdueCounts: vi.fn(),
}))

import * as RiskService from '../../wailsjs/go/app/RiskService'
import { ApiError, risk } from './index'

const bound = vi.mocked(RiskService)
beforeEach(() => vi.resetAllMocks())

const incidentDTO = { id: 3, groupId: 7, type: 'fraud', level: 3, status: 'open', openedAt: 'a', dueAt: 'b', closedAt: '', overdue: false, summary: 's', checklist: ['fr_remove'], checked: null, notes: '', evidence: null, version: 1 }

describe('risk api', () => {
  it('reads the view; unknown decisions and categories fall back safely', async () => {
    bound.View.mockResolvedValue({
      group: { id: 7, name: '群' }, week: { week: '2024-W10' }, from: 'f', now: 'n', opened: 1,
      hits: [{ key: 'k', set: 'opinion', category: 'rumour', level: 1, sender: '甲', at: 't', match: '投诉', content: 'c', members: 0, decision: 'maybe', incidentId: 0 }],
      incidents: [incidentDTO],
    } as never)
    const v = await risk.view(7, '2024-W10')
    expect(bound.View).toHaveBeenCalledWith(7, '2024-W10')
    expect(v.hits[0]).toMatchObject({ decision: '', category: 'compliance', match: '投诉' })
    expect(v.incidents[0]).toMatchObject({ checked: [], evidence: [], checklist: ['fr_remove'] })
  })

  it('reads when an incident occurred and how late it was found; an old reply without occurredAt falls back to the opening', async () => {
    bound.View.mockResolvedValue({
      group: { id: 7, name: '群' }, week: { week: '2024-W10' }, from: 'f', now: 'n', opened: 0,
      hits: [{ key: 'k', set: 'fraud', category: 'fraud', level: 3, sender: '甲', at: 't', match: '刷单', content: 'c', members: 0, decision: '', incidentId: 0, past: true }],
      incidents: [{ ...incidentDTO, occurredAt: 'o', lateMinutes: 4320 }, incidentDTO],
    } as never)
    const v = await risk.view(7, '2024-W10')
    expect(v.hits[0]!.past).toBe(true)
    expect(v.incidents[0]).toMatchObject({ occurredAt: 'o', openedAt: 'a', dueAt: 'b', lateMinutes: 4320 })
    expect(v.incidents[1]).toMatchObject({ occurredAt: 'a', lateMinutes: 0 })
  })

  it('saves an incident edit with its version and rethrows a conflict', async () => {
    bound.UpdateIncident.mockRejectedValue({ code: 'conflict', message: '事件 3 已在别处被修改' })
    const err = await risk.updateIncident({ id: 3, version: 1, status: 'closed', checked: ['fr_remove'], notes: 'n' }).catch((e) => e)
    expect(bound.UpdateIncident).toHaveBeenCalledWith({ id: 3, version: 1, status: 'closed', checked: ['fr_remove'], notes: 'n' })
    expect(err).toBeInstanceOf(ApiError)
    expect(err.code).toBe('conflict')
  })

  it("sends version 0 for a group's first edit of a default or workspace set", async () => {
    bound.SaveSet.mockResolvedValue({ key: 'opinion', category: 'public_opinion', level: 2, words: ['投诉'], threshold: 0, enabled: true, version: 1, scope: 'group' } as never)
    await risk.saveSet(7, { key: 'opinion', category: 'public_opinion', level: 2, words: ['投诉'], threshold: 0, enabled: true, version: 4, scope: 'workspace' })
    expect(bound.SaveSet.mock.calls[0]![1]).toMatchObject({ version: 0 })
    const s = await risk.saveSet(7, { key: 'opinion', category: 'public_opinion', level: 2, words: [], threshold: 0, enabled: true, version: 1, scope: 'group' })
    expect(bound.SaveSet.mock.calls[1]![1]).toMatchObject({ version: 1 })
    expect(s.scope).toBe('group')
  })

  it('reads overdue counts by group id', async () => {
    bound.OverdueCounts.mockResolvedValue({ '2': 1 } as never)
    expect(await risk.overdueCounts()).toEqual({ 2: 1 })
  })
})
