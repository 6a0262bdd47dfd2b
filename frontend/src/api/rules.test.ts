import { beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('../../wailsjs/go/app/RulesService', () => ({ Queue: vi.fn(), Review: vi.fn() }))

import * as RulesService from '../../wailsjs/go/app/RulesService'
import { ApiError, rules } from './index'
import { makeQueueDTO } from '../testing/membersFixtures'

const bound = vi.mocked(RulesService)

beforeEach(() => vi.resetAllMocks())

describe('rules api', () => {
  it('reads the queue; an unknown decision counts as open', async () => {
    const dto = makeQueueDTO()
    dto.violations[0].decision = 'maybe'
    bound.Queue.mockResolvedValue(dto as never)
    const q = await rules.queue(7, '2024-W10')
    expect(bound.Queue).toHaveBeenCalledWith(7, '2024-W10')
    expect(q.violations[0].decision).toBe('')
    expect(q.violations[0].context.filter((c) => c.self)).toHaveLength(1)
    expect(q.rules).toMatchObject({ strikeDays: 30, strikeLimit: 3, whitelist: ['qq.com'] })
  })

  it('sends a decision with the member and the violation key, and rethrows Go’s error', async () => {
    const q = (bound.Queue.mockResolvedValue(makeQueueDTO() as never), await rules.queue(7, '2024-W10'))
    await rules.review(7, q.violations[0], 'warned')
    expect(bound.Review).toHaveBeenCalledWith(7, 3, 'ads:3:1709538441', 'warned')
    bound.Review.mockRejectedValue({ code: 'conflict', message: '资料已在别处被修改' })
    const err = await rules.review(7, q.violations[0], 'removed').catch((e) => e)
    expect(err).toBeInstanceOf(ApiError)
    expect(err.code).toBe('conflict')
  })
})
