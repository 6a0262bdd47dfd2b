import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { applyLocale } from '../i18n'
import { guideSources } from '../start/guide'
import { mountView, unmountView } from '../testing/mountView'
import ExportGuideView from './ExportGuideView.vue'

const $ = (s: string) => document.body.querySelector<HTMLElement>(s)
const $$ = (s: string) => [...document.body.querySelectorAll<HTMLElement>(s)]

afterEach(() => {
  unmountView()
  applyLocale('zh-CN')
})

describe('如何导出聊天记录', { timeout: 30000 }, () => {
  it('has a page with steps and what it loses for every source', async () => {
    applyLocale('zh-CN')
    for (const source of guideSources) {
      await mountView(ExportGuideView, { source, groupId: 3 })
      expect($('[data-testid="guide-page"]')!.dataset.source).toBe(source)
      expect($$('[data-testid="guide-source"]')).toHaveLength(6)
      expect($$('[data-testid="guide-step"]').length, source).toBeGreaterThanOrEqual(3)
      expect($$('[data-testid="guide-loss"]').length, source).toBeGreaterThanOrEqual(2)
      for (const part of ['what', 'pick', 'meaning']) expect($(`[data-testid="guide-${part}"]`)!.textContent!.length, `${source} ${part}`).toBeGreaterThan(10)
      expect($('[data-testid="guide-loses"] h3')!.textContent).toBe('会少掉什么')
      unmountView()
    }
  })

  it('shows the typed sheet as a table, and the computer note only where it applies', async () => {
    await mountView(ExportGuideView, { source: 'sheet' })
    const heads = $$('[data-testid="guide-template"] th').map((th) => th.textContent)
    expect(heads).toEqual(['时间', '发送人', '内容'])
    const rows = $$('[data-testid="guide-template"] tbody tr').map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent))
    expect(rows).toHaveLength(3)
    expect(rows[1]).toEqual(['2024/03/04 08:40:11', '王大力', '【打卡】Day12 读书30分钟'])
    expect($('[data-testid="guide-pc-note"]')).toBeNull()
    unmountView()
    await mountView(ExportGuideView, { source: 'pywxdump' })
    expect($('[data-testid="guide-pc-note"]')!.textContent).toContain('聊天记录迁移与备份')
    expect($('[data-testid="guide-template"]')).toBeNull()
  })

  it('opens the first source for an unknown one, and reads in English', async () => {
    applyLocale('en')
    await mountView(ExportGuideView, { source: 'qq' })
    expect($('[data-testid="guide-page"]')!.dataset.source).toBe('memotrace')
    expect($('h1')!.textContent).toBe('How to export a chat')
    expect($('[data-testid="guide-loses"] h3')!.textContent).toBe('What is lost')
  })

  it('shows the address chatlog needs apart, with Copy', async () => {
    applyLocale('zh-CN')
    const writeText = vi.fn(async () => {})
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true })
    await mountView(ExportGuideView, { source: 'chatlog' })
    expect($('[data-testid="guide-address"] code')!.textContent).toBe('127.0.0.1:5030/api/v1/chatlog?talker=群名称&time=2024-03-01~2024-03-31&format=json')
    $('[data-testid="guide-copy"]')!.click()
    await flushPromises()
    expect(writeText).toHaveBeenCalledWith('127.0.0.1:5030/api/v1/chatlog?talker=群名称&time=2024-03-01~2024-03-31&format=json')
    unmountView()
    await mountView(ExportGuideView, { source: 'memotrace' })
    expect($('[data-testid="guide-address"]')).toBeNull()
  })
})
