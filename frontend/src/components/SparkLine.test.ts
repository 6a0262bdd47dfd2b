import { afterEach, describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { applyLocale, i18n } from '../i18n'
import SparkLine from './SparkLine.vue'

const week = (n: number, start: string, end: string) => ({ week: `2024-W${n}`, start: `${start}T00:00:00+08:00`, end: `${end}T00:00:00+08:00` })
const trend = {
  weeks: [week(16, '2024-04-15', '2024-04-22'), week(17, '2024-04-22', '2024-04-29'), week(18, '2024-04-29', '2024-05-06')],
  messages: [0, 600, 1234],
}

const draw = (t = trend) => mount(SparkLine, { props: { trend: t, label: '近12周每周消息数' }, global: { plugins: [i18n] } })
// The y of each point on the line, in the drawing's units (0 at the top, 44 at the bottom).
const ys = (d: string) => [...d.matchAll(/[ML][\d.]+,([\d.]+)/g)].map((m) => Number(m[1]))

describe('SparkLine', () => {
  afterEach(() => applyLocale('zh-CN'))

  it('draws one point per week, the busiest at the top and an empty week at the bottom', () => {
    const w = draw()
    const y = ys(w.get('path.line').attributes('d')!)
    expect(y).toHaveLength(3)
    expect(y[2]).toBeCloseTo(2) // 1,234: the top, less the padding
    expect(y[0]).toBeCloseTo(42) // 0: the bottom
    expect(y[1]).toBeGreaterThan(y[2]!)
    expect(y[1]).toBeLessThan(y[0]!)
    expect(w.get('svg').attributes('aria-label')).toBe('近12周每周消息数')
  })

  it('names each week and its count on hover, in the UI language', () => {
    let titles = draw().findAll('[data-testid="sparkline-week"] title').map((x) => x.text())
    expect(titles).toEqual(['2024年第16周 (4/15–4/21)：0 条消息', '2024年第17周 (4/22–4/28)：600 条消息', '2024年第18周 (4/29–5/5)：1,234 条消息'])
    applyLocale('en')
    titles = draw().findAll('[data-testid="sparkline-week"] title').map((x) => x.text())
    expect(titles[2]).toBe('2024 W18 (Apr 29–May 5): 1,234 messages')
  })

  it('splits the width into one hover band per week, edge to edge', () => {
    const bands = draw().findAll('[data-testid="sparkline-week"]')
    const xs = bands.map((b) => [Number(b.attributes('x')), Number(b.attributes('width'))])
    expect(xs[0]![0]).toBe(0)
    for (let i = 1; i < xs.length; i++) expect(xs[i]![0]).toBeCloseTo(xs[i - 1]![0]! + xs[i - 1]![1]!)
    expect(xs[2]![0]! + xs[2]![1]!).toBeCloseTo(240)
  })

  it('draws a quiet trend along the bottom rather than dividing by nothing', () => {
    const y = ys(draw({ weeks: trend.weeks, messages: [0, 0, 0] }).get('path.line').attributes('d')!)
    expect(y).toEqual([42, 42, 42])
  })
})
