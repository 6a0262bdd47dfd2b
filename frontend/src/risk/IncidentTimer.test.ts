import { afterEach, describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { applyLocale, i18n } from '../i18n'
import type { Incident } from '../api'
import IncidentTimer from './IncidentTimer.vue'

const incident = (over: Partial<Incident> = {}): Incident => ({
  id: 3,
  groupId: 1,
  type: 'fraud',
  level: 3,
  status: 'open',
  occurredAt: '2026-05-06T20:15:00+08:00',
  openedAt: '2026-05-06T20:15:00+08:00',
  dueAt: '2026-05-06T20:30:00+08:00',
  lateMinutes: 0,
  closedAt: '',
  overdue: false,
  summary: '',
  checklist: [],
  checked: [],
  notes: '',
  evidence: [],
  version: 1,
  ...over,
})
const at = (iso: string) => Date.parse(iso)
const show = (i: Incident, now: number) => mount(IncidentTimer, { props: { incident: i, now }, global: { plugins: [i18n] } })

afterEach(() => applyLocale('zh-CN'))

describe('incident timer', () => {
  it('counts down in words while running', () => {
    const w = show(incident(), at('2026-05-06T20:20:30+08:00'))
    expect(w.text()).toBe('剩余 9分30秒')
    expect(w.attributes('data-state')).toBe('running')
  })

  it('says OVERDUE in words and with a mark, not only in red', () => {
    const w = show(incident(), at('2026-05-06T21:45:00+08:00'))
    expect(w.attributes('data-state')).toBe('overdue')
    expect(w.text()).toBe('⚠ 已超时 1小时15分')
    applyLocale('en')
    const en = show(incident(), at('2026-05-06T21:45:00+08:00'))
    expect(en.text()).toBe('⚠ OVERDUE by 1h 15m')
  })

  it('shows when a closed incident closed, and whether late', () => {
    const closed = incident({ status: 'closed', closedAt: '2026-05-06T20:25:00+08:00' })
    expect(show(closed, at('2026-05-07T10:00:00+08:00')).text()).toBe('2026年5月6日 20:25 关闭')
    const late = incident({ status: 'closed', closedAt: '2026-05-06T22:00:00+08:00', overdue: true })
    expect(show(late, at('2026-05-07T10:00:00+08:00')).text()).toBe('2026年5月6日 22:00 关闭（超时）')
  })
})
