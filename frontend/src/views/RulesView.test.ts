import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { mountView, unmountView } from '../testing/mountView'

vi.mock('../../wailsjs/go/app/RulesService', () => ({ Queue: vi.fn(), Review: vi.fn(), SaveRules: vi.fn(), ResetRules: vi.fn(), RulesText: vi.fn() }))
vi.mock('../../wailsjs/go/app/HealthService', () => ({ Weeks: vi.fn(), Group: vi.fn(), Overview: vi.fn(), SaveInput: vi.fn() }))

import * as RulesService from '../../wailsjs/go/app/RulesService'
import * as HealthService from '../../wailsjs/go/app/HealthService'
import { applyLocale } from '../i18n'
import { resetWeek } from '../health/week'
import RulesView from './RulesView.vue'
import { makeQueueDTO } from '../testing/membersFixtures'

const bound = vi.mocked(RulesService)

const show = () => mountView(RulesView, { groupId: 7 })

beforeEach(() => {
  vi.resetAllMocks()
  resetWeek()
  applyLocale('zh-CN')
  vi.mocked(HealthService).Weeks.mockResolvedValue([{ week: '2024-W10', start: '2024-03-04T00:00:00+08:00', end: '2024-03-11T00:00:00+08:00' }] as never)
  bound.Queue.mockResolvedValue(makeQueueDTO() as never)
  bound.RulesText.mockResolvedValue('【群规】\n1. 禁止发广告（如 加V 等内容）。')
})

afterEach(unmountView)

describe('rules screen', () => {
  it('shows each violation in its chat context, as text, with the rules in force', async () => {
    const w = await show()
    const v = w.find('[data-testid="violation"]')
    expect(v.attributes('data-decision')).toBe('open')
    expect(v.text()).toContain('广告')
    expect(v.text()).toContain('推广小助手')
    expect(v.text()).toContain('当前记过 1 / 3')
    expect(v.find('.self').text()).toContain('<script>x</script>兼职日结，加V')
    expect(document.body.querySelector('.context script')).toBeNull()
    expect(v.text()).toContain('[图片]')
    expect(w.find('[data-testid="violation-member"]').attributes('href')).toContain('/groups/7/members?member=3')
    expect(w.find('[data-testid="rule-set"]').text()).toContain('链接白名单：qq.com')
    expect(w.find('[data-testid="violation-queue"]').text()).toContain('待处理 1 条')
  })

  it('warns: sends the decision and shows it after reloading', async () => {
    const w = await show()
    const warned = makeQueueDTO()
    warned.violations[0].decision = 'warned'
    bound.Queue.mockResolvedValue(warned as never)
    await w.find('[data-testid="violation-warn"]').trigger('click')
    await flushPromises()
    expect(bound.Review).toHaveBeenCalledWith(7, 3, 'ads:3:1709538441', 'warned')
    expect(w.find('[data-testid="violation-decision"]').text()).toBe('已警告')
    expect(w.find('[data-testid="violation-queue"]').text()).toContain('待处理 0 条')
  })

  it('edits the rules: saves what the form holds, shows Go’s refusal, and re-reads the queue', async () => {
    const w = await show()
    expect((w.find('[data-testid="group-rules-textarea"] textarea').element as HTMLTextAreaElement).value).toContain('【群规】')
    await w.find('[data-testid="rules-edit"]').trigger('click')
    bound.SaveRules.mockRejectedValueOnce({ code: 'invalid', message: '记过上限应在 1 到 20 之间，收到 0' })
    await w.find('[data-testid="rules-save"]').trigger('click')
    await flushPromises()
    expect(w.find('[data-testid="rules-error"]').text()).toContain('记过上限应在 1 到 20 之间')
    bound.SaveRules.mockResolvedValueOnce(makeQueueDTO().rules as never)
    await w.find('[data-testid="rules-save"]').trigger('click')
    await flushPromises()
    expect(bound.SaveRules).toHaveBeenLastCalledWith(7, expect.objectContaining({ adWords: ['加我微信', '兼职'], whitelist: ['qq.com'], strikeLimit: 3 }))
    expect(bound.Queue).toHaveBeenCalledTimes(2)
    expect(w.find('[data-testid="rules-save"]').exists()).toBe(false)
  })

  it('says when a week has no violations', async () => {
    bound.Queue.mockResolvedValue(makeQueueDTO({ violations: [] }) as never)
    const w = await show()
    expect(w.text()).toContain('这一周没有检测到违规')
  })
})
