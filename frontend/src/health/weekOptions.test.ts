import { describe, expect, it } from 'vitest'
import { i18n } from '../i18n'
import { weekOptions } from './weekOptions'

const t = (key: string, args?: Record<string, unknown>) => i18n.global.t(key, args ?? {})

// Newest first, as Go sends them: two weeks ahead, the current week, last
// week (group 2) and an export of 2024 (group 1), across a year's end.
const weeks = [
  { week: '2027-W01', start: '2027-01-04T00:00:00+08:00', end: '2027-01-11T00:00:00+08:00', hasData: false, groups: [], ahead: true },
  { week: '2026-W53', start: '2026-12-28T00:00:00+08:00', end: '2027-01-04T00:00:00+08:00', hasData: false, groups: [], ahead: true },
  { week: '2026-W52', start: '2026-12-21T00:00:00+08:00', end: '2026-12-28T00:00:00+08:00', hasData: false, groups: [], current: true },
  { week: '2026-W51', start: '2026-12-14T00:00:00+08:00', end: '2026-12-21T00:00:00+08:00', hasData: true, groups: [2] },
  { week: '2024-W18', start: '2024-04-29T00:00:00+08:00', end: '2024-05-06T00:00:00+08:00', hasData: true, groups: [1] },
]

describe('weekOptions', () => {
  it('groups the weeks by year, newest first, with the labels of docs/ux.md and the weeks with data marked', () => {
    const got = weekOptions({ weeks, groupId: null, ahead: false, selected: '2026-W51', locale: 'zh-CN', t })
    expect(got.map((g) => g.label)).toEqual(['2026年', '2024年'])
    expect(got[0].children.map((o) => o.label)).toEqual(['2026年第52周 (12/21–12/27) · 本周', '2026年第51周 (12/14–12/20) · 有消息'])
    expect(got[1].children).toEqual([{ value: '2024-W18', label: '2024年第18周 (4/29–5/5) · 有消息', hasData: true }])
  })

  it('offers the weeks ahead for planning, across the year end', () => {
    const got = weekOptions({ weeks, groupId: null, ahead: true, selected: '2026-W51', locale: 'zh-CN', t })
    expect(got.map((g) => g.key)).toEqual(['2027', '2026', '2024'])
    expect(got[0].children.map((o) => o.value)).toEqual(['2027-W01'])
    expect(got[1].children.map((o) => o.value)).toEqual(['2026-W53', '2026-W52', '2026-W51'])
  })

  it("keeps a week ahead chosen on the plan when another screen shows it", () => {
    const got = weekOptions({ weeks, groupId: null, ahead: false, selected: '2026-W53', locale: 'zh-CN', t })
    expect(got[0].children.map((o) => o.value)).toEqual(['2026-W53', '2026-W52', '2026-W51'])
  })

  it("marks a group's own weeks on its screens", () => {
    const got = weekOptions({ weeks, groupId: 1, ahead: false, selected: '', locale: 'zh-CN', t })
    const marked = got.flatMap((g) => g.children).filter((o) => o.hasData)
    expect(marked.map((o) => o.value)).toEqual(['2024-W18'])
  })

  it('writes English labels', () => {
    const got = weekOptions({ weeks: weeks.slice(4), groupId: null, ahead: false, selected: '', locale: 'en', t: (k, a) => i18n.global.t(k, a ?? {}, { locale: 'en' }) })
    expect(got[0].label).toBe('2024')
    expect(got[0].children[0].label).toBe('2024 W18 (Apr 29–May 5) · has messages')
  })
})
