import { beforeEach, describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { applyLocale, i18n } from '../i18n'
import { toGroupWeek } from '../api/health'
import { makeGroupWeekDTO } from '../testing/healthFixtures'
import HealthScore from './HealthScore.vue'

beforeEach(() => applyLocale('zh-CN'))

const show = (over: Record<string, unknown> = {}) =>
  mount(HealthScore, { props: { week: toGroupWeek(makeGroupWeekDTO(over) as never) }, global: { plugins: [i18n] } })

describe('HealthScore', () => {
  it('shows the score with what it rests on', () => {
    const w = show()
    expect(w.find('[data-testid="health-figure"] .value').text()).toBe('50')
    expect(w.find('[data-testid="health-basis"]').text()).toBe('基于 2/5 项')
  })

  it('shows 群已沉寂 and no score for a silent week', () => {
    const base = makeGroupWeekDTO()
    const w = show({ silent: true, checksApplicable: 0, figures: { ...base.figures, messages: 0, health_score: null } })
    expect(w.find('[data-testid="health-figure"] .value').text()).toBe('群已沉寂')
    expect(w.find('[data-testid="health-basis"]').text()).toBe('这一周没有消息')
    expect(w.text()).not.toMatch(/\d/)
    expect(w.find('.tone-good').exists()).toBe(false)
  })

  it('says not measured, with no basis, when no check applies', () => {
    const base = makeGroupWeekDTO()
    const w = show({ checksApplicable: 0, figures: { ...base.figures, health_score: null } })
    expect(w.find('[data-testid="health-figure"] .value').text()).toBe('未测量')
    expect(w.find('[data-testid="health-basis"]').exists()).toBe(false)
  })

  it('speaks English', () => {
    applyLocale('en')
    expect(show().find('[data-testid="health-basis"]').text()).toBe('based on 2 of 5 checks')
  })
})
