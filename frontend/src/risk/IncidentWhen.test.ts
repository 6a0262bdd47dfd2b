import { afterEach, describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { applyLocale, i18n } from '../i18n'
import type { Incident } from '../api'
import IncidentWhen from './IncidentWhen.vue'
import { eventTime, lateSpan } from './clock'

const incident = (over: Partial<Incident> = {}): Incident => ({
  id: 3,
  groupId: 1,
  type: 'fraud',
  level: 3,
  status: 'open',
  occurredAt: '2026-05-02T18:12:00+08:00',
  openedAt: '2026-05-05T20:00:00+08:00',
  dueAt: '2026-05-02T18:27:00+08:00',
  lateMinutes: 3 * 1440 + 93,
  closedAt: '',
  overdue: true,
  summary: '',
  checklist: [],
  checked: [],
  notes: '',
  evidence: [],
  version: 1,
  ...over,
})
const show = (i: Incident, due = false) => mount(IncidentWhen, { props: { incident: i, due }, global: { plugins: [i18n] } })

afterEach(() => applyLocale('zh-CN'))

describe('incident clock', () => {
  it('writes the event time, with the year only when it is not the opening year', () => {
    expect(eventTime('2026-05-02T18:12:00+08:00', '2026-05-05T20:00:00+08:00', 'zh-CN')).toBe('5月2日 18:12')
    expect(eventTime('2024-05-02T18:12:00+08:00', '2026-05-05T20:00:00+08:00', 'zh-CN')).toBe('2024年5月2日 18:12')
    expect(eventTime('2026-05-02T18:12:00+08:00', '2026-05-05T20:00:00+08:00', 'en')).toBe('May 2 18:12')
    expect(eventTime('2024-05-02T18:12:00+08:00', '2026-05-05T20:00:00+08:00', 'en')).toBe('May 2, 2024 18:12')
    expect(eventTime('', '', 'zh-CN')).toBe('')
  })

  it('says how late in its largest whole unit', () => {
    expect(lateSpan(3 * 1440 + 93)).toEqual({ key: 'days', n: 3 })
    expect(lateSpan(300)).toEqual({ key: 'hours', n: 5 })
    expect(lateSpan(40)).toEqual({ key: 'minutes', n: 40 })
    expect(lateSpan(0.2)).toEqual({ key: 'minutes', n: 1 })
  })

  it('says an incident found late was found late, in words', () => {
    const w = show(incident())
    expect(w.find('[data-testid="incident-late"]').text()).toBe('⚠ 发生于 5月2日 18:12，发现时已超时 3 天')
    expect(w.text()).toContain('2026年5月5日 20:00 开启')
    applyLocale('en')
    expect(show(incident()).find('[data-testid="incident-late"]').text()).toBe('⚠ Occurred May 2 18:12; already 3 d overdue when found')
  })

  it('shows one found in time by its event, and the drawer its due time', () => {
    const inTime = incident({ occurredAt: '2026-05-05T19:55:00+08:00', dueAt: '2026-05-05T20:10:00+08:00', lateMinutes: 0, overdue: false })
    const w = show(inTime, true)
    expect(w.find('[data-testid="incident-late"]').exists()).toBe(false)
    expect(w.text()).toBe('发生于 5月5日 19:55 · 2026年5月5日 20:00 开启 · 处置时限 5月5日 20:10')
  })

  it('gives one opened by hand a single time', () => {
    const byHand = incident({ occurredAt: '2026-05-05T20:00:00+08:00', dueAt: '2026-05-05T20:15:00+08:00', lateMinutes: 0 })
    expect(show(byHand).text()).toBe('发生于 5月5日 20:00')
  })
})
