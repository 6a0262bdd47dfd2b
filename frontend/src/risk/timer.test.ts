import { describe, expect, it } from 'vitest'
import { durationParts, timerState } from './timer'

describe('incident timers', () => {
  const due = '2026-05-06T20:30:00+08:00'
  const at = (iso: string) => Date.parse(iso)

  it('counts down before the deadline and up after it', () => {
    expect(timerState(due, at('2026-05-06T20:15:30+08:00'))).toEqual({ overdue: false, ms: 14.5 * 60_000 })
    expect(timerState(due, at('2026-05-06T21:30:00+08:00'))).toEqual({ overdue: true, ms: 3_600_000 })
    expect(timerState('', at('2026-05-06T21:30:00+08:00')).overdue).toBe(false)
  })

  it('shows the two largest units', () => {
    expect(durationParts(14.5 * 60_000)).toMatchObject({ key: 'ms', m: 14, s: 30 })
    expect(durationParts(3 * 3_600_000 + 5 * 60_000)).toMatchObject({ key: 'hm', h: 3, m: 5 })
    expect(durationParts(26 * 3_600_000)).toMatchObject({ key: 'dhm', d: 1, h: 2 })
  })
})
