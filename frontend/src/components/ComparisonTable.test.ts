import { beforeEach, describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { applyLocale, i18n } from '../i18n'
import ComparisonTable from './ComparisonTable.vue'
import { toDashboard } from '../api/health'

const comparison = toDashboard({
  charts: {},
  comparison: {
    profile: 'industry',
    otherGroups: 2,
    rows: [
      { key: 'messages_per_day', value: 41.25, hasRef: true, refMin: 287, refMax: 287, refSource: '数据显示，资源对接型群组日均消息量达287条', refCondition: '', others: 12.5, othersCount: 2 },
      { key: 'members_end', value: 230, hasRef: false, refSource: '', refCondition: '', othersCount: 0 },
      { key: 'churn_rate_12w', hasRef: true, refMin: 0.42, refMax: 0.42, refSource: '…流失率高达42%', refCondition: '', others: 0.1, othersCount: 1 },
      { key: 'new_members', value: 12, hasRef: true, refMax: 50, refSource: '…>50人时…', refCondition: 'over_50_new', othersCount: 0 },
    ],
  },
} as never).comparison

beforeEach(() => applyLocale('zh-CN'))

function show() {
  return mount(ComparisonTable, { props: { comparison }, global: { plugins: [i18n] } })
}

function row(w: ReturnType<typeof show>, key: string) {
  const r = w.find(`[data-testid="comparison-row"][data-key="${key}"]`)
  return {
    name: r.find('th').text(),
    value: r.find('[data-testid="comparison-value"]').text(),
    reference: r.find('[data-testid="comparison-reference"]').text(),
    others: r.find('[data-testid="comparison-others"]').text(),
  }
}

describe('ComparisonTable', () => {
  it('sets the group beside its profile’s seed figure and the other groups’ mean', () => {
    const w = show()
    expect(w.text()).toContain('参考（行业交流群）')
    expect(w.text()).toContain('我的其他群平均（2 个）')
    expect(row(w, 'messages_per_day')).toEqual({ name: '日均消息', value: '41.3', reference: '287', others: '12.5' })
  })

  it('says 未测量 for a figure with nothing to measure, never 0', () => {
    expect(row(show(), 'churn_rate_12w')).toMatchObject({ value: '未测量', reference: '42.0%', others: '10.0%' })
  })

  it('says when the seed gives no figure, and writes bounds and conditions', () => {
    const w = show()
    expect(row(w, 'members_end')).toMatchObject({ value: '230', reference: '文章未给出', others: '—' })
    expect(row(w, 'new_members').reference).toBe('≤ 50当周新增超过 50 人时')
  })
})
