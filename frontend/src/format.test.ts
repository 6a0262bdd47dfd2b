import { describe, expect, it } from 'vitest'
import { formatDate, formatDateTime, formatDay, formatNumber, formatTime, wallClock } from './format'

describe('Chinese dates', () => {
  it('writes a day as 5月6日 周一', () => {
    expect(formatDay('2024-05-06')).toBe('5月6日 周一')
    expect(formatDay('2024-05-12', 'zh-CN')).toBe('5月12日 周日')
  })

  it('writes a date and time as 2024年5月6日 20:30', () => {
    expect(formatDateTime('2024-05-06T20:30:00+08:00', 'zh-CN')).toBe('2024年5月6日 20:30')
    expect(formatDate('2024-12-31T09:05:00+08:00', 'zh-CN')).toBe('2024年12月31日')
  })

  it('writes times as 20:30 with leading zeros', () => {
    expect(formatTime('2024-05-06T20:30:00+08:00')).toBe('20:30')
    expect(formatTime('2024-05-06T07:05:09+08:00')).toBe('07:05')
  })
})

describe('the offset a time carries', () => {
  // 20:30 in Shanghai is 12:30 UTC, and late evening there is already
  // the next morning's date in UTC+8 while still the previous day in UTC.
  it('shows the wall clock of the string, not of the machine', () => {
    expect(formatTime('2024-05-06T20:30:00+08:00')).toBe('20:30')
    expect(formatDay('2024-05-07T00:30:00+08:00')).toBe('5月7日 周二')
    expect(formatDateTime('2024-05-06T23:15:00-07:00')).toBe('2024年5月6日 23:15')
    expect(formatTime('2024-05-06T12:30:00Z')).toBe('12:30')
  })

  it('reads fractions of seconds and the weekday', () => {
    expect(wallClock('2024-05-06T20:30:15.123+08:00')).toEqual({
      year: 2024, month: 5, day: 6, hour: 20, minute: 30, second: 15, weekday: 1,
    })
  })

  it('gives nothing for an empty or impossible time', () => {
    expect(formatDateTime('')).toBe('')
    expect(formatDay('2024-02-30')).toBe('')
    expect(formatTime('yesterday')).toBe('')
  })
})

describe('English dates', () => {
  it('uses English month and weekday names', () => {
    expect(formatDay('2024-05-06', 'en')).toBe('Mon, May 6')
    expect(formatDateTime('2024-05-06T20:30:00+08:00', 'en')).toBe('May 6, 2024 20:30')
  })
})

describe('numbers', () => {
  it('groups thousands', () => {
    expect(formatNumber(12345, 'zh-CN')).toBe('12,345')
    expect(formatNumber(1234567, 'en')).toBe('1,234,567')
    expect(formatNumber(0)).toBe('0')
    expect(formatNumber(0.4235, 'zh-CN', 2)).toBe('0.42')
  })
})

describe('durations and zones in words', () => {
  it('writes minutes as hours and minutes', async () => {
    const { formatDuration } = await import('./format')
    expect(formatDuration(504.7)).toBe('8 小时 25 分')
    expect(formatDuration(45)).toBe('45 分钟')
    expect(formatDuration(120)).toBe('2 小时')
    expect(formatDuration(0)).toBe('0 分钟')
    expect(formatDuration(1500)).toBe('1 天 1 小时')
    expect(formatDuration(504.7, 'en')).toBe('8 h 25 min')
  })

  it('names a zone in words with its offset, never by its id', async () => {
    const { zoneLabel } = await import('./format')
    expect(zoneLabel('Asia/Shanghai')).toBe('北京时间 UTC+8')
    expect(zoneLabel('Asia/Shanghai', 'en')).toBe('Beijing time UTC+8')
    expect(zoneLabel('America/Denver', 'zh-CN', new Date('2026-01-15T00:00:00Z'))).toBe('UTC-7')
    expect(zoneLabel('Asia/Kolkata')).toBe('UTC+5:30')
  })
})
