import { beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('../api/health', () => ({ weeks: vi.fn() }))

import * as healthApi from '../api/health'
import { defaultWeek, resetWeek, useWeek } from './week'
import { weekScope } from '../router'

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

describe('useWeek per screen', () => {
  // Three weeks ahead of none: 2026-W50 is the current week, empty; group 2
  // spoke last in 2026-W49, group 1 only in 2024-W10 (an old export).
  const weeks = [
    { week: '2026-W51', start: '2026-12-14T00:00:00+08:00', end: '2026-12-21T00:00:00+08:00', hasData: false, groups: [], ahead: true },
    { week: '2026-W50', start: '2026-12-07T00:00:00+08:00', end: '2026-12-14T00:00:00+08:00', hasData: false, groups: [], current: true },
    { week: '2026-W49', start: '2026-11-30T00:00:00+08:00', end: '2026-12-07T00:00:00+08:00', hasData: true, groups: [2] },
    { week: '2024-W10', start: '2024-03-04T00:00:00+08:00', end: '2024-03-11T00:00:00+08:00', hasData: true, groups: [1] },
  ]

  it('opens the Overview on the latest week with any data and a group on its own, with a note', async () => {
    api.weeks.mockResolvedValue(weeks)
    const w = useWeek()
    await w.loadWeeks()
    expect(w.week.value).toBe('2026-W49')
    expect(w.note.value).toMatchObject({ week: { week: '2026-W49' }, group: false })
    w.setScope(1)
    expect(w.week.value).toBe('2024-W10')
    expect(w.note.value).toMatchObject({ week: { week: '2024-W10' }, group: true })
    w.setScope(3) // a group with no chat: the current week, nothing to explain
    expect(w.week.value).toBe('2026-W50')
    expect(w.note.value).toBeNull()
    w.setScope(null)
    expect(w.week.value).toBe('2026-W49')
  })

  it('keeps a picked week on every screen, without a note', async () => {
    api.weeks.mockResolvedValue(weeks)
    const w = useWeek()
    w.setScope(1)
    await w.loadWeeks()
    expect(w.week.value).toBe('2024-W10')
    w.setWeek('2026-W51') // planning next week
    w.setScope(2)
    expect(w.week.value).toBe('2026-W51')
    expect(w.note.value).toBeNull()
  })

  it('follows new data after an import until a week is picked', async () => {
    api.weeks.mockResolvedValueOnce([weeks[1]]).mockResolvedValueOnce(weeks)
    const w = useWeek()
    w.setScope(1)
    await w.loadWeeks()
    expect(w.week.value).toBe('2026-W50')
    await w.reloadWeeks()
    expect(w.week.value).toBe('2024-W10')
    expect(api.weeks).toHaveBeenCalledTimes(2)
  })

  it('defaultWeek never opens on a week ahead when nothing holds data', () => {
    expect(defaultWeek([weeks[0], { ...weeks[1], current: false }], null)).toBe('2026-W50')
  })
})

describe('weekScope', () => {
  it("names the group of a group's screens, none elsewhere", () => {
    expect(weekScope('/groups/3/health', '3')).toBe(3)
    expect(weekScope('/groups/3/content/highlights', '3')).toBe(3)
    expect(weekScope('/overview', undefined)).toBeNull()
    expect(weekScope('/import', undefined)).toBeNull()
  })
})
