import { describe, expect, it, beforeEach } from 'vitest'
import { mount } from '@vue/test-utils'
import { NSelect } from 'naive-ui'
import { applyLocale, i18n } from '../i18n'
import ImportMapping from './ImportMapping.vue'

const header = ['序号', '昵称', '群昵称', '微信号', '入群时间', '']
const fields = ['', 'nickname', 'group_nickname', 'wechat_id', 'joined_at', 'extra']

function show(modelValue: Record<string, string> = {}) {
  return mount(ImportMapping, { props: { header, fields, modelValue }, global: { plugins: [i18n] } })
}

beforeEach(() => applyLocale('zh-CN'))

describe('mapping editor', () => {
  it('shows every column with the field Go matched it to, in Chinese', () => {
    const w = show()
    const selects = w.findAllComponents(NSelect)
    expect(selects).toHaveLength(6)
    expect(w.text()).toContain('序号')
    expect(w.text()).toContain('（无列名）')
    // what each select shows, in order
    expect(w.findAll('[data-testid="import-field"]').map((s) => s.text())).toEqual([
      '不导入',
      '昵称',
      '群昵称',
      '微信号',
      '入群时间',
      '保留为附加信息',
    ])
    expect(w.find('[data-testid="import-field"]').attributes('data-header')).toBe('序号')
  })

  it('offers every member ledger field with a Chinese label', () => {
    const options = show().findComponent(NSelect).props('options') as { label: string; value: string }[]
    const labels = options.map((o) => o.label)
    expect(labels).toContain('备注')
    expect(labels).toContain('手机号')
    expect(labels).toContain('真实姓名')
    expect(labels).toContain('身份')
    expect(labels).toContain('活跃时段')
    expect(labels).toContain('不导入')
    expect(labels).toHaveLength(17)
    expect(new Set(options.map((o) => o.value)).size).toBe(17)
  })

  it('sends a correction keyed by the header as written', async () => {
    const w = show()
    w.findAllComponents(NSelect)[3].vm.$emit('update:value', 'remark')
    expect(w.emitted('update:modelValue')![0]).toEqual([{ 微信号: 'remark' }])
  })

  it('sends "ignore" as the empty field and maps an ignored column again', async () => {
    const w = show()
    const ignore = (w.findComponent(NSelect).props('options') as { label: string; value: string }[]).find((o) => o.label === '不导入')!
    w.findAllComponents(NSelect)[1].vm.$emit('update:value', ignore.value)
    expect(w.emitted('update:modelValue')![0]).toEqual([{ 昵称: '' }])
    w.findAllComponents(NSelect)[0].vm.$emit('update:value', 'extra')
    expect(w.emitted('update:modelValue')![1]).toEqual([{ 序号: 'extra' }])
  })

  it('shows corrections and drops one that goes back to Go’s guess', async () => {
    const w = show({ 微信号: 'remark', 昵称: '' })
    const shown = w.findAll('[data-testid="import-field"]').map((s) => s.text())
    expect(shown[1]).toBe('不导入')
    expect(shown[3]).toBe('备注')
    w.findAllComponents(NSelect)[3].vm.$emit('update:value', 'wechat_id')
    expect(w.emitted('update:modelValue')![0]).toEqual([{ 昵称: '' }])
  })
})
