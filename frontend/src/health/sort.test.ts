import { describe, expect, it } from 'vitest'
import type { GroupWeek } from '../api'
import { sortWeeks } from './sort'

const week = (name: string, score: number | null, alerts: number): GroupWeek => ({
  group: { id: name.length, name, type: 'interest', members: 0, messages: 0 },
  week: { week: '2024-W10', start: '', end: '' },
  figures: { health_score: score } as unknown as GroupWeek['figures'],
  sources: {},
  alerts: Array.from({ length: alerts }, (_, i) => ({ check: `c${i}`, value: null, threshold: '', advice: '' })),
  input: { muteRate: null, linkClicks: null, linkReach: null, paying: null },
  silent: false,
  checksApplicable: score === null ? 0 : 2,
  checksTotal: 5,
  urgent: null,
})

const list = [week('考研群', 50, 2), week('读书会', 100, 0), week('电商群', null, 0), week('Alpha', 50, 3)]
const names = (l: GroupWeek[]) => l.map((w) => w.group.name)

describe('sortWeeks', () => {
  it('orders by health score either way, unmeasured groups last, ties by name', () => {
    expect(names(sortWeeks(list, 'score_asc'))).toEqual(['考研群', 'Alpha', '读书会', '电商群'])
    expect(names(sortWeeks(list, 'score_desc'))).toEqual(['读书会', '考研群', 'Alpha', '电商群'])
  })

  it('puts the groups with most alerts first', () => {
    expect(names(sortWeeks(list, 'alerts'))).toEqual(['Alpha', '考研群', '电商群', '读书会'])
  })

  it('counts a silence and puts an open level-2/3 incident before any failed check', () => {
    const quiet = { ...week('沉寂群', null, 0), silent: true }
    const fraud = { ...week('诈骗群', 100, 0), urgent: { count: 1, level: 3, type: 'fraud' } }
    expect(names(sortWeeks([...list, quiet, fraud], 'alerts'))).toEqual(['诈骗群', 'Alpha', '考研群', '沉寂群', '电商群', '读书会'])
  })

  it('sorts names by the Chinese collation (pinyin) and leaves the input alone', () => {
    expect(names(sortWeeks(list, 'name'))).toEqual(['电商群', '读书会', '考研群', 'Alpha'])
    expect(names(list)).toEqual(['考研群', '读书会', '电商群', 'Alpha'])
  })
})
