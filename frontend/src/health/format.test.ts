import { describe, expect, it } from 'vitest'
import { figureValue, formatFigure, healthLevel, sourceOf, thresholdLabel, weekLabel, formatWait } from './format'
import { toGroupWeek } from '../api/health'
import { makeGroupWeekDTO } from '../testing/healthFixtures'

const w18 = { week: '2024-W18', start: '2024-04-29T00:00:00+08:00', end: '2024-05-06T00:00:00+08:00' }

describe('weekLabel', () => {
  it('writes the ISO week with its first and last day', () => {
    expect(weekLabel(w18)).toBe('2024年第18周 (4/29–5/5)')
    expect(weekLabel(w18, 'en')).toBe('2024 W18 (Apr 29–May 5)')
  })
  it('keeps the month once when the week stays in it, and crosses years', () => {
    expect(weekLabel({ week: '2024-W10', start: '2024-03-04T00:00:00+08:00', end: '2024-03-11T00:00:00+08:00' }, 'en')).toBe(
      '2024 W10 (Mar 4–10)',
    )
    expect(weekLabel({ week: '2025-W01', start: '2024-12-30T00:00:00+08:00', end: '2025-01-06T00:00:00+08:00' })).toBe(
      '2025年第1周 (12/30–1/5)',
    )
  })
  it('falls back to the key for an unreadable week', () => {
    expect(weekLabel({ week: 'x', start: '', end: '' })).toBe('x')
  })
})

describe('formatFigure', () => {
  it('gives null (未测量) for a missing figure, never 0', () => {
    expect(formatFigure(null, 'ratio')).toBeNull()
    expect(formatFigure(undefined, 'count')).toBeNull()
    expect(formatFigure(0, 'count')).toBe('0')
  })
  it('writes ratios as percentages with one decimal', () => {
    expect(formatFigure(0.375, 'ratio')).toBe('37.5%')
    expect(formatFigure(0.4, 'ratio')).toBe('40.0%')
    expect(formatFigure(0.01694915, 'ratio')).toBe('1.7%')
    expect(formatFigure(1, 'ratio')).toBe('100.0%')
  })
  it('writes minutes with one decimal and counts grouped', () => {
    expect(formatFigure(504.7, 'minutes')).toBe('8 小时 25 分')
    expect(formatFigure(21, 'minutes')).toBe('21 分钟')
    expect(formatFigure(12.46, 'minutes')).toBe('12.5 分钟')
    expect(formatFigure(120, 'minutes')).toBe('2 小时')
    expect(formatFigure(1620, 'minutes')).toBe('1 天 3 小时')
    expect(formatFigure(504.7, 'minutes', 'en')).toBe('8 h 25 min')
    expect(formatFigure(12345, 'count')).toBe('12,345')
    expect(formatFigure(116.2857, 'decimal')).toBe('116.3')
  })
})

describe('figures', () => {
  const w = toGroupWeek(makeGroupWeekDTO() as never)
  it('sums the violations and reads nulls', () => {
    expect(figureValue(w.figures, 'violations')).toBe(1)
    expect(figureValue(w.figures, 'mute_rate')).toBeNull()
    expect(figureValue(w.figures, 'messages')).toBe(812)
  })
  it('says where a figure comes from', () => {
    expect(sourceOf(w.sources, 'mute_rate', null)).toBe('none')
    expect(sourceOf(w.sources, 'messages', 812)).toBe('measured')
    expect(sourceOf({ mute_rate: 'hand' }, 'mute_rate', 0.4)).toBe('hand')
  })
  it('writes thresholds for people and colours scores', () => {
    expect(thresholdLabel('mute_rate', '< 0.35')).toBe('< 35%')
    expect(thresholdLabel('new_members', '<= 50')).toBe('≤ 50')
    expect(thresholdLabel('link_click_rate', '> 0.12')).toBe('> 12%')
    expect(thresholdLabel('response_median_minutes', '< 15')).toBe('< 15 分钟')
    expect(thresholdLabel('response_median_minutes', '< 15', 'en')).toBe('< 15 min')
    expect(healthLevel(null)).toBe('none')
    expect(healthLevel(100)).toBe('good')
    expect(healthLevel(60)).toBe('fair')
    expect(healthLevel(20)).toBe('poor')
  })
})

describe('formatWait', () => {
  it('writes the two largest units, in Chinese by default', () => {
    expect(formatWait(86401)).toBe('1 天')
    expect(formatWait(93784)).toBe('1 天 2 小时')
    expect(formatWait(7500)).toBe('2 小时 5 分钟')
    expect(formatWait(2700)).toBe('45 分钟')
    expect(formatWait(20)).toBe('1 分钟')
    expect(formatWait(7500, 'en')).toBe('2 h 5 min')
  })
})
