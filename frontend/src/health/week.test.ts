import { beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('../api/health', () => ({ weeks: vi.fn() }))

import * as healthApi from '../api/health'
import { resetWeek, useWeek } from './week'

const api = vi.mocked(healthApi)
const list = [
  { week: '2024-W19', start: '2024-05-06T00:00:00+08:00', end: '2024-05-13T00:00:00+08:00' },
  { week: '2024-W18', start: '2024-04-29T00:00:00+08:00', end: '2024-05-06T00:00:00+08:00' },
]

beforeEach(() => {
  vi.resetAllMocks()
  resetWeek()
})

describe('useWeek', () => {
  it('starts on the current (newest) week and asks Go only once', async () => {
    api.weeks.mockResolvedValue(list)
    const a = useWeek()
    await Promise.all([a.loadWeeks(), useWeek().loadWeeks()])
    expect(a.week.value).toBe('2024-W19')
    expect(api.weeks).toHaveBeenCalledTimes(1)
  })

  it('opens on the latest week that holds data when the current one is empty', async () => {
    api.weeks.mockResolvedValue([
      { ...list[0], hasData: false },
      { ...list[1], hasData: true },
      { week: '2024-W10', start: '2024-03-04T00:00:00+08:00', end: '2024-03-11T00:00:00+08:00', hasData: true },
    ])
    const w = useWeek()
    await w.loadWeeks()
    expect(w.week.value).toBe('2024-W18')
  })

  it('shares the chosen week between screens', async () => {
    api.weeks.mockResolvedValue(list)
    const overview = useWeek()
    await overview.loadWeeks()
    overview.setWeek('2024-W18')
    const group = useWeek()
    await group.loadWeeks()
    expect(group.week.value).toBe('2024-W18')
  })

  it('tries again after a failure', async () => {
    api.weeks.mockRejectedValueOnce(new Error('x')).mockResolvedValueOnce(list)
    await expect(useWeek().loadWeeks()).rejects.toThrow()
    await useWeek().loadWeeks()
    expect(useWeek().week.value).toBe('2024-W19')
  })
})
