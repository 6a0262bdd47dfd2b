import { beforeEach, describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { applyLocale, i18n } from '../i18n'
import UnansweredList from './UnansweredList.vue'
import type { UnansweredQuestion } from '../api'

beforeEach(() => applyLocale('zh-CN'))

const show = (questions: UnansweredQuestion[]) =>
  mount(UnansweredList, { props: { questions }, global: { plugins: [i18n] } })

describe('UnansweredList', () => {
  it('lists who asked, what, and how long they waited', () => {
    const w = show([
      { name: '<img src=x onerror=alert(1)>', at: '2024-03-07T09:00:00+08:00', text: '为什么<b>没人</b>', waitSeconds: 86401, late: true },
      { name: '乙', at: '2024-03-10T20:00:00+08:00', text: '有没有人', waitSeconds: 7200, late: false },
    ])
    const items = w.findAll('li')
    expect(items).toHaveLength(2)
    expect(items[0].text()).toContain('<img src=x onerror=alert(1)>')
    expect(items[0].find('img').exists()).toBe(false)
    expect(items[0].find('b').exists()).toBe(false)
    expect(items[0].text()).toContain('1 天后才回复')
    expect(items[1].text()).toContain('未回复 · 记录截至其后 2 小时')
  })

  it('says so when every question was answered', () => {
    expect(show([]).text()).toContain('都在 24 小时内得到了回复')
  })
})
