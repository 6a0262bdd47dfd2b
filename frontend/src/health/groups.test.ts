import { describe, expect, it } from 'vitest'
import { chartNames } from '../api/health'
import { figureKeys } from './format'
import { defaultOpen, healthGroups, openGroups, rememberOpen } from './groups'

describe('health groups', () => {
  it('show every indicator and every chart exactly once', () => {
    const figures = healthGroups.flatMap((g) => g.figures)
    expect([...figures].sort()).toEqual([...figureKeys].sort())
    const charts = healthGroups.flatMap((g) => g.charts.map((c) => c.name))
    expect([...charts].sort()).toEqual([...chartNames].sort())
  })
  it('remember which groups are open, and ignore what they do not know', () => {
    const mem = new Map<string, string>()
    const store = { getItem: (k: string) => mem.get(k) ?? null, setItem: (k: string, v: string) => void mem.set(k, v) }
    expect(openGroups(store)).toEqual(defaultOpen)
    rememberOpen(['members', 'removal'], store)
    expect(openGroups(store)).toEqual(['members', 'removal'])
    mem.set('qunzhu.health.open', '["members","nonsense"]')
    expect(openGroups(store)).toEqual(['members'])
    mem.set('qunzhu.health.open', '{bad')
    expect(openGroups(store)).toEqual(defaultOpen)
  })
})
