import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { mountView, unmountView } from '../testing/mountView'
import type { Component } from 'vue'

vi.mock('../../wailsjs/go/app/AutomationService', () => ({
  Templates: vi.fn(),
  Preview: vi.fn(),
  SaveWelcome: vi.fn(),
  SaveReply: vi.fn(),
  DeleteReply: vi.fn(),
  Ask: vi.fn(),
  Highlights: vi.fn(),
  Chat: vi.fn(),
  AddHighlight: vi.fn(),
  RemoveHighlight: vi.fn(),
}))
vi.mock('../../wailsjs/go/app/HealthService', () => ({ Weeks: vi.fn(), Group: vi.fn(), Overview: vi.fn(), SaveInput: vi.fn() }))

import * as AutomationService from '../../wailsjs/go/app/AutomationService'
import * as HealthService from '../../wailsjs/go/app/HealthService'
import { applyLocale } from '../i18n'
import { resetWeek } from '../health/week'
import GroupAssistantView from '../views/GroupAssistantView.vue'
import GroupHighlightsView from '../views/GroupHighlightsView.vue'
import { makeChatDTO, makeHighlightsDTO, makeTemplatesDTO } from './fixtures'

const bound = vi.mocked(AutomationService)

const show = (view: Component) => mountView(view, { groupId: 7 })

beforeEach(() => {
  vi.resetAllMocks()
  resetWeek()
  applyLocale('zh-CN')
  vi.mocked(HealthService).Weeks.mockResolvedValue([{ week: '2024-W10', start: '2024-03-04T00:00:00+08:00', end: '2024-03-11T00:00:00+08:00' }] as never)
  bound.Templates.mockResolvedValue(makeTemplatesDTO() as never)
  bound.Preview.mockResolvedValue(makeTemplatesDTO().welcome.preview as never)
  bound.Highlights.mockResolvedValue(makeHighlightsDTO() as never)
  bound.Chat.mockResolvedValue(makeChatDTO() as never)
})

afterEach(unmountView)

describe('reply assistant', () => {
  it('shows the welcome preview, the placeholders and the keyword replies', async () => {
    const w = await show(GroupAssistantView)
    expect(w.find('[data-testid="welcome-preview"]').text()).toBe('欢迎 新成员 加入「读书会」！群规：{群规链接}')
    expect(w.find('[data-testid="welcome-template"]').text()).toContain('以下占位符还没有值，发送前请手动补上：{群规链接}')
    expect(w.find('[data-testid="placeholder-member"]').text()).toBe('{成员}')
    expect(w.findAll('[data-testid="keyword-reply"]')).toHaveLength(2)
    expect(w.find('[data-testid="keyword-replies"]').text()).toContain('关键词回复（2 条）')
    expect(w.find('[data-testid="subnav-assistant"]').attributes('href')).toContain('/groups/7/content/assistant')
    expect(w.find('[data-testid="subnav-plan"]').attributes('href')).toContain('/groups/7/content')
  })

  it('asks Go for the best replies and shows them as text, best first', async () => {
    bound.Ask.mockResolvedValue([
      { id: 2, score: 2, keywords: ['退款'], partial: [], filled: { text: '@<b>Amy</b> 订单页申请售后', unknown: [], missing: [] } },
    ] as never)
    const w = await show(GroupAssistantView)
    await w.find('[data-testid="assistant-question"] textarea').setValue('想退款')
    await w.find('[data-testid="assistant-member"] input').setValue('<b>Amy</b>')
    await w.find('[data-testid="assistant-ask"]').trigger('click')
    await flushPromises()
    expect(bound.Ask).toHaveBeenCalledWith(7, '想退款', '<b>Amy</b>')
    const m = w.find('[data-testid="assistant-match"]')
    expect(m.find('[data-testid="assistant-match-text"]').text()).toBe('@<b>Amy</b> 订单页申请售后')
    expect(m.find('b').exists()).toBe(false)
    expect(m.text()).toContain('匹配分 2')
  })

  it('says when nothing matches well enough', async () => {
    bound.Ask.mockResolvedValue([] as never)
    const w = await show(GroupAssistantView)
    await w.find('[data-testid="assistant-question"] textarea').setValue('天气真好')
    await w.find('[data-testid="assistant-ask"]').trigger('click')
    await flushPromises()
    expect(w.find('[data-testid="assistant-none"]').text()).toContain('匹配分低于 2')
  })

  it('adds a keyword reply with the keywords split', async () => {
    bound.SaveReply.mockResolvedValue({ id: 3, keywords: ['模考', '模拟考试'], reply: '@{成员} 周六模考', version: 1 } as never)
    const w = await show(GroupAssistantView)
    await w.find('[data-testid="reply-add"]').trigger('click')
    await w.find('[data-testid="reply-keywords"] input').setValue('模考，模拟考试, 模考')
    await w.find('[data-testid="reply-text"] textarea').setValue('@{成员} 周六模考')
    await w.find('[data-testid="reply-save"]').trigger('click')
    await flushPromises()
    expect(bound.SaveReply).toHaveBeenCalledWith(7, { id: 0, version: 0, keywords: ['模考', '模拟考试'], reply: '@{成员} 周六模考' })
    expect(w.findAll('[data-testid="keyword-reply"]')).toHaveLength(3)
  })
})

describe('undo of a deleted keyword reply', () => {
  it('puts the reply back from 撤销 on the toast', async () => {
    bound.DeleteReply.mockResolvedValue(undefined as never)
    bound.SaveReply.mockResolvedValue({ id: 9, keywords: ['退款'], reply: '@{成员} 订单页申请售后', version: 1 } as never)
    const w = await show(GroupAssistantView)
    await w.findAll('[data-testid="reply-delete"]')[1].trigger('click')
    await flushPromises()
    const yes = [...document.body.querySelectorAll<HTMLButtonElement>('.n-popconfirm__action button')].pop()!
    yes.click()
    await flushPromises()
    expect(bound.DeleteReply).toHaveBeenCalledWith(7, 2)
    expect(w.findAll('[data-testid="keyword-reply"]')).toHaveLength(1)
    document.body.querySelector<HTMLElement>('[data-testid="toast-undo"]')!.click()
    await flushPromises()
    expect(bound.SaveReply).toHaveBeenCalledWith(7, { id: 0, version: 0, keywords: ['退款'], reply: '@{成员} 订单页申请售后' })
    expect(w.findAll('[data-testid="keyword-reply"]')).toHaveLength(2)
    expect(document.body.textContent).toContain('已恢复这条关键词回复')
  })
})

describe('highlights', () => {
  it('shows suggestions with their reply counts and the chat, as text', async () => {
    const w = await show(GroupHighlightsView)
    const s = w.find('[data-testid="highlight-suggestion"]')
    expect(s.text()).toContain('2 条回复')
    expect(s.text()).toContain('<i>晓雨</i>')
    expect(s.text()).toContain('请问<script>alert(1)</script>周六在哪里？')
    expect(document.body.querySelector('[data-testid="highlight-suggestion"] script, [data-testid="highlight-suggestion"] i, [data-testid="chat-message"] i')).toBeNull()
    const chat = w.findAll('[data-testid="chat-message"]')
    expect(chat).toHaveLength(2)
    expect(chat[1].text()).toContain('图片')
    expect(chat[1].text()).not.toContain('<msg>')
    expect(w.find('[data-testid="digest"]').exists()).toBe(false)
  })

  it('adds a suggestion and shows the digest', async () => {
    bound.AddHighlight.mockResolvedValue({} as never)
    const w = await show(GroupHighlightsView)
    bound.Highlights.mockResolvedValue(makeHighlightsDTO(true) as never)
    await w.find('[data-testid="suggestion-add"]').trigger('click')
    await flushPromises()
    expect(bound.AddHighlight).toHaveBeenCalledWith(7, 101, 'suggested')
    expect(w.findAll('[data-testid="highlight-item"]')).toHaveLength(1)
    expect(w.find('[data-testid="digest-text"]').text()).toContain('10:02 <i>晓雨</i>：请问<script>alert(1)</script>周六在哪里？')
    expect(w.find('[data-testid="suggestion-add"]').exists()).toBe(false)
  })

  it('searches the chat through Go', async () => {
    vi.useFakeTimers()
    try {
      const w = await show(GroupHighlightsView)
      await w.find('[data-testid="chat-search"] input').setValue('周六')
      vi.advanceTimersByTime(300)
      await flushPromises()
      expect(bound.Chat).toHaveBeenLastCalledWith(7, '2024-W10', '周六')
    } finally {
      vi.useRealTimers()
    }
  })
})
