import { describe, expect, it } from 'vitest'
import { addDays, dayKey, inPrime, isoWeekOf, localInput, minuteOf, mondayOf, monthGrid, shift, snap, weekDays } from './grid'

describe('week grid arithmetic on the wall clock', () => {
  it('reads the day and minute the string carries, not the browser zone', () => {
    expect(dayKey('2024-03-04T23:30:00+08:00')).toBe('2024-03-04')
    expect(minuteOf('2024-03-04T20:30:00+08:00')).toBe(20 * 60 + 30)
    expect(dayKey('nonsense')).toBe('')
  })
  it('lays out a week from its Monday across a month end', () => {
    expect(weekDays('2024-02-26T00:00:00+08:00')).toEqual([
      '2024-02-26', '2024-02-27', '2024-02-28', '2024-02-29', '2024-03-01', '2024-03-02', '2024-03-03',
    ])
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01')
    expect(mondayOf('2024-03-10')).toBe('2024-03-04')
    expect(mondayOf('2024-03-04')).toBe('2024-03-04')
  })
  it('names the ISO week of a day, across a year end', () => {
    expect(isoWeekOf('2024-03-04')).toBe('2024-W10')
    expect(isoWeekOf('2024-03-10')).toBe('2024-W10')
    expect(isoWeekOf('2024-12-30')).toBe('2025-W01')
    expect(isoWeekOf('2021-01-03')).toBe('2020-W53')
    expect(isoWeekOf('2026-12-07')).toBe('2026-W50')
  })
  it('covers a month with whole weeks, Monday first', () => {
    const g = monthGrid('2024-03-15')
    expect(g.first).toBe('2024-03-01')
    expect(g.days[0]).toBe('2024-02-26')
    expect(g.days.length % 7).toBe(0)
    expect(g.days.at(-1)).toBe('2024-03-31')
  })
  it('moves by keyboard within the day and across days', () => {
    expect(shift('2024-03-04T20:30:00+08:00', 1, 0)).toBe('2024-03-05T20:30')
    expect(shift('2024-03-04T20:30:00+08:00', 0, 30)).toBe('2024-03-04T21:00')
    expect(shift('2024-03-04T23:30:00+08:00', 0, 60)).toBe('2024-03-04T23:45')
    expect(shift('2024-03-04T00:15:00+08:00', -1, -30)).toBe('2024-03-03T00:00')
  })
  it('snaps a drop to a quarter hour and writes what Go reads', () => {
    expect(snap(20 * 60 + 7)).toBe(20 * 60)
    expect(snap(20 * 60 + 8)).toBe(20 * 60 + 15)
    expect(snap(-40)).toBe(0)
    expect(snap(24 * 60 + 30)).toBe(24 * 60 - 15)
    expect(localInput('2024-03-04', 8 * 60 + 5)).toBe('2024-03-04T08:05')
  })
  it('marks prime time 20:00–22:00, end exclusive', () => {
    expect(inPrime('2024-03-04T19:59:00+08:00')).toBe(false)
    expect(inPrime('2024-03-04T20:00:00+08:00')).toBe(true)
    expect(inPrime('2024-03-04T21:45:00+08:00')).toBe(true)
    expect(inPrime('2024-03-04T22:00:00+08:00')).toBe(false)
  })
})
