import { describe, expect, it } from 'vitest'
import type { ContentItem } from '../api'
import { copyText, pickReminders } from './reminders'

const item = (id: number, due: ContentItem['due'], status: ContentItem['status'] = 'planned', at = '2024-03-04T20:30:00+08:00'): ContentItem => ({
  id, groupId: 1, groupName: '读书会', type: 'interactive', format: 'share', title: '', displayTitle: '主题分享 · 互动话题',
  body: '', at, status, results: { reach: null, opens: null, clicks: null, conversions: null, participants: null },
  rate: null, generated: true, reasons: [], version: 1, due, presenterId: null, presenterName: '',
})

describe('reminders', () => {
  it('raises each due item once, and again once it turns overdue', () => {
    const seen = new Set<string>()
    expect(pickReminders([item(1, 'due'), item(2, '')], seen).notices.map((n) => n.item.id)).toEqual([1])
    expect(pickReminders([item(1, 'due')], seen).notices).toEqual([])
    const later = pickReminders([item(1, 'overdue')], seen)
    expect(later.notices.map((n) => [n.item.id, n.kind])).toEqual([[1, 'overdue']])
  })
  it('a moved item reminds again', () => {
    const seen = new Set<string>()
    pickReminders([item(1, 'due')], seen)
    expect(pickReminders([item(1, 'due', 'planned', '2024-03-04T21:00:00+08:00')], seen).notices).toHaveLength(1)
  })
  it('items already overdue when first seen are only counted, once', () => {
    const seen = new Set<string>()
    const r = pickReminders([item(1, 'overdue'), item(2, 'overdue'), item(3, 'due')], seen)
    expect(r.overdue).toBe(2)
    expect(r.notices.map((n) => n.item.id)).toEqual([3])
    expect(pickReminders([item(1, 'overdue'), item(2, 'overdue')], seen)).toEqual({ notices: [], overdue: 0 })
  })
  it('posted and skipped items never remind', () => {
    expect(pickReminders([item(1, 'due', 'posted'), item(2, 'overdue', 'skipped')], new Set()).notices).toEqual([])
  })
  it('copies the title, then the body', () => {
    expect(copyText({ displayTitle: '早报', body: '  今日要闻\n' })).toBe('早报\n\n今日要闻')
    expect(copyText({ displayTitle: '早报', body: '' })).toBe('早报')
  })
})
