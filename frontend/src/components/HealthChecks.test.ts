import { describe, expect, it, beforeEach } from 'vitest'
import { mount } from '@vue/test-utils'
import { applyLocale, i18n } from '../i18n'
import HealthChecks from './HealthChecks.vue'
import { toGroupWeek } from '../api/health'
import { makeGroupWeekDTO } from '../testing/healthFixtures'

const week = toGroupWeek(makeGroupWeekDTO() as never)

function show() {
  return mount(HealthChecks, { props: { checks: week.figures.checks, alerts: week.alerts }, global: { plugins: [i18n] } })
}

beforeEach(() => applyLocale('zh-CN'))

describe('HealthChecks', () => {
  it('lists the five checks with their state', () => {
    const rows = show().findAll('[data-testid="health-check"]')
    expect(rows).toHaveLength(5)
    expect(rows.map((r) => r.attributes('data-state'))).toEqual(['na', 'failed', 'na', 'passed', 'na'])
  })

  it('shows a failed check in words with its advice beside it, not only in red', () => {
    const failed = show().find('[data-check="response_median_minutes"]')
    expect(failed.text()).toContain('未通过')
    expect(failed.text()).toContain('21.5')
    expect(failed.text()).toContain('< 15')
    expect(failed.find('[data-testid="check-advice"]').text()).toBe('建议：自动提醒')
  })

  it('makes the advice a link to what stands behind it', async () => {
    const w = show()
    const link = w.find('[data-check="response_median_minutes"] [data-testid="check-advice"]')
    expect(link.element.tagName).toBe('BUTTON')
    expect(link.attributes('title')).toBe('查看这一周慢回复和未回复的提问')
    await link.trigger('click')
    expect(w.emitted('advice')).toEqual([['response_median_minutes']])
  })

  it('gives no advice to a passed or not applicable check and says 未测量 for a null value', () => {
    const w = show()
    expect(w.find('[data-check="new_members"] [data-testid="check-advice"]').exists()).toBe(false)
    const mute = w.find('[data-check="mute_rate"]')
    expect(mute.text()).toContain('不适用')
    expect(mute.text()).toContain('未测量')
    expect(mute.text()).not.toContain('0.0%')
    expect(mute.text()).toContain('< 35%')
  })

  it('speaks English', () => {
    applyLocale('en')
    const failed = show().find('[data-check="response_median_minutes"]')
    expect(failed.text()).toContain('Failed')
    expect(failed.text()).toContain('Response time')
  })
})
