import { beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('../../wailsjs/go/app/HealthService', () => ({
  Weeks: vi.fn(),
  Group: vi.fn(),
  Overview: vi.fn(),
  SaveInput: vi.fn(),
  Dashboard: vi.fn(),
  Sparklines: vi.fn(),
}))

import * as HealthService from '../../wailsjs/go/app/HealthService'
import { ApiError, health } from './index'
import { makeGroupWeekDTO } from '../testing/healthFixtures'

const bound = vi.mocked(HealthService)

beforeEach(() => {
  vi.resetAllMocks()
})

describe('health api', () => {
  it('lists the weeks, empty when Go sends null', async () => {
    bound.Weeks.mockResolvedValueOnce([
      { week: '2024-W18', start: '2024-04-29T00:00:00+08:00', end: '2024-05-06T00:00:00+08:00', hasData: true, groups: [2], current: true },
      { week: '2024-W17', start: '2024-04-22T00:00:00+08:00', end: '2024-04-29T00:00:00+08:00' },
    ] as never)
    expect(await health.weeks()).toEqual([
      { week: '2024-W18', start: '2024-04-29T00:00:00+08:00', end: '2024-05-06T00:00:00+08:00', hasData: true, groups: [2], current: true, ahead: false },
      { week: '2024-W17', start: '2024-04-22T00:00:00+08:00', end: '2024-04-29T00:00:00+08:00', hasData: false, groups: [], current: false, ahead: false },
    ])
    bound.Weeks.mockResolvedValueOnce(null as never)
    expect(await health.weeks()).toEqual([])
  })

  it('reads a group week: checks, hourly grid, sources, nulls kept as null', async () => {
    bound.Group.mockResolvedValue(makeGroupWeekDTO() as never)
    const w = await health.group(2, '2024-W18')
    expect(bound.Group).toHaveBeenCalledWith(2, '2024-W18')
    expect(w.group.name).toBe('考研英语 1 群')
    expect(w.figures.hourly).toHaveLength(7)
    expect(w.figures.hourly[0]).toHaveLength(24)
    expect(w.figures.checks[0]).toMatchObject({ name: 'mute_rate', applicable: false, passed: null, value: null })
    expect(w.figures.mute_rate).toBeNull()
    expect(w.figures.health_score).toBe(50)
    expect(w.sources.mute_rate).toBe('none')
    expect(w.input).toEqual({ muteRate: null, linkClicks: null, linkReach: null, paying: null })
    expect(w.alerts[0].advice).toBe('自动提醒')
  })

  it('reads the basis, the silence and the open level-2/3 incidents', async () => {
    bound.Group.mockResolvedValueOnce(makeGroupWeekDTO() as never)
    expect(await health.group(2, '2024-W18')).toMatchObject({ silent: false, checksApplicable: 2, checksTotal: 5, urgent: null })
    bound.Group.mockResolvedValueOnce(
      makeGroupWeekDTO({ silent: true, checksApplicable: 0, urgent: { count: 2, level: 3, type: 'fraud' } }) as never,
    )
    expect(await health.group(2, '2024-W18')).toMatchObject({ silent: true, checksApplicable: 0, urgent: { count: 2, level: 3, type: 'fraud' } })
  })

  it('gives an empty overview for null', async () => {
    bound.Overview.mockResolvedValue(null as never)
    expect(await health.overview('2024-W18')).toEqual([])
    expect(bound.Overview).toHaveBeenCalledWith('2024-W18')
  })

  it('sends the hand entry with absent fields left out', async () => {
    bound.SaveInput.mockResolvedValue(makeGroupWeekDTO() as never)
    await health.saveInput(2, '2024-W18', { muteRate: 0.4, linkClicks: null, linkReach: null, paying: 12 })
    expect(bound.SaveInput).toHaveBeenCalledWith(2, '2024-W18', { muteRate: 0.4, linkClicks: undefined, linkReach: undefined, paying: 12 })
  })

  it('turns a refused entry into an ApiError with Go’s message', async () => {
    bound.SaveInput.mockRejectedValue({ code: 'invalid', message: '免打扰率应在 0 到 1 之间' })
    const err = (await health.saveInput(2, '2024-W18', { muteRate: 4, linkClicks: null, linkReach: null, paying: null }).catch((e: unknown) => e)) as ApiError
    expect(err).toBeInstanceOf(ApiError)
    expect(err.code).toBe('invalid')
    expect(err.message).toBe('免打扰率应在 0 到 1 之间')
  })

  it('reads a dashboard: the five chart options as sent, comparison nulls kept as null', async () => {
    const trend = { title: { text: '近12周趋势' }, series: [] }
    bound.Dashboard.mockResolvedValue({
      week: makeGroupWeekDTO(),
      charts: { trend, heatmap: {}, response: {}, growth: {}, tiers: {}, unknown: {} },
      comparison: { profile: 'education', otherGroups: 0, rows: [{ key: 'members_end', value: 230, hasRef: true, refMin: 200, refMax: 300, refSource: '在线教育群 成员规模 200-300人', refCondition: '', othersCount: 0 }] },
    } as never)
    const d = await health.dashboard(3, '2024-W18')
    expect(bound.Dashboard).toHaveBeenCalledWith(3, '2024-W18')
    expect(Object.keys(d.charts)).toEqual(['trend', 'heatmap', 'response', 'growth', 'tiers'])
    expect(d.charts.trend).toBe(trend)
    expect(d.week.group.name).toBe('考研英语 1 群')
    expect(d.week.figures.health_score).toBe(50)
    expect(d.comparison.rows[0]).toEqual({ key: 'members_end', value: 230, hasRef: true, refMin: 200, refMax: 300, refSource: '在线教育群 成员规模 200-300人', refCondition: '', others: null, othersCount: 0 })
  })

  it('keys the sparklines by group id, leaving out a trend without weeks or with counts that do not match them', async () => {
    const w = (week: string, start: string, end: string) => ({ week, start, end })
    bound.Sparklines.mockResolvedValueOnce([
      { groupId: 2, weeks: [w('2024-W17', '2024-04-22T00:00:00+08:00', '2024-04-29T00:00:00+08:00'), w('2024-W18', '2024-04-29T00:00:00+08:00', '2024-05-06T00:00:00+08:00')], messages: [40, 55] },
      { groupId: 5, weeks: [], messages: [] },
      { groupId: 7, weeks: [w('2024-W18', '', '')], messages: [1, 2] },
      null,
    ] as never)
    expect(await health.sparklines('2024-W18')).toEqual({
      2: {
        weeks: [
          { week: '2024-W17', start: '2024-04-22T00:00:00+08:00', end: '2024-04-29T00:00:00+08:00' },
          { week: '2024-W18', start: '2024-04-29T00:00:00+08:00', end: '2024-05-06T00:00:00+08:00' },
        ],
        messages: [40, 55],
      },
    })
    bound.Sparklines.mockResolvedValueOnce(null as never)
    expect(await health.sparklines('2024-W18')).toEqual({})
  })
})
