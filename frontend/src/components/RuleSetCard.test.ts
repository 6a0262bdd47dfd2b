import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'

vi.mock('../api/rules', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../api/rules')>()),
  saveRules: vi.fn(),
  resetRules: vi.fn(),
}))

import * as rulesApi from '../api/rules'
import { ApiError, type RuleSet } from '../api'
import { applyLocale } from '../i18n'
import { options } from '../options'
import { mountView, unmountView } from '../testing/mountView'
import RuleSetCard from './RuleSetCard.vue'

const api = vi.mocked(rulesApi)

const rules: RuleSet = {
  adWords: ['加我微信'],
  whitelist: ['qq.com'],
  floodCount: 5,
  floodSeconds: 60,
  attackWords: ['去死'],
  strikeDays: 30,
  strikeLimit: 3,
  inactiveDays: 14,
  shareQuota: 2,
  replyMinutes: 0,
}

async function type(testid: string, text: string) {
  const input = document.body.querySelector<HTMLInputElement>(`[data-testid="${testid}"] input`)!
  input.value = text
  input.dispatchEvent(new Event('input', { bubbles: true }))
  input.dispatchEvent(new Event('blur'))
  input.dispatchEvent(new Event('change', { bubbles: true }))
  await flushPromises()
}

beforeEach(() => {
  vi.resetAllMocks()
  applyLocale('zh-CN')
})

afterEach(() => unmountView())

describe('rule set card', () => {
  it('sends a value out of range as typed and shows why it is refused, never a silently corrected one', async () => {
    api.saveRules.mockRejectedValue(new ApiError('invalid', '刷屏时间窗应在 1 到 3600 秒之间，收到 -10'))
    const w = await mountView(RuleSetCard, { groupId: 7, rules, custom: false })
    await w.find('[data-testid="rules-edit"]').trigger('click')
    await type('rules-flood-seconds', '-10')
    await type('rules-inactive-days', '999')
    await w.find('form').trigger('submit')
    await flushPromises()
    expect(api.saveRules).toHaveBeenCalledWith(7, expect.objectContaining({ floodSeconds: -10, inactiveDays: 999 }))
    expect(document.body.textContent).toContain('刷屏时间窗应在 1 到 3600 秒之间，收到 -10')
  })

  it('edits the wait before the live watch reminds about a question; empty is Go’s default', async () => {
    api.saveRules.mockImplementation(async (_id, r) => r)
    const w = await mountView(RuleSetCard, { groupId: 7, rules, custom: false })
    expect(document.body.querySelector('[data-testid="rules-reply"]')?.textContent).toContain(`提问 ${options().defaults.replyMinutes} 分钟`)
    await w.find('[data-testid="rules-edit"]').trigger('click')
    await type('rules-reply-minutes', '30')
    await w.find('form').trigger('submit')
    await flushPromises()
    expect(api.saveRules).toHaveBeenCalledWith(7, expect.objectContaining({ replyMinutes: 30 }))
  })
})
