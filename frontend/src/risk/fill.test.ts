import { describe, expect, it } from 'vitest'
import { fill } from './fill'

describe('playbook placeholders', () => {
  const vars = { group: '好物群', date: '5月6日 周三', event: '集中投诉', backup: '' }
  it('fills Chinese and English names alike, every time they appear', () => {
    expect(fill('{群名}：{事件}（{date}）——{group}', vars)).toBe('好物群：集中投诉（5月6日 周三）——好物群')
  })
  it('leaves a placeholder with no value standing', () => {
    expect(fill('请加入{备用群}', vars)).toBe('请加入{备用群}')
    expect(fill('请加入{备用群}', { ...vars, backup: '好物2群' })).toBe('请加入好物2群')
  })
  it('treats a value as plain text, not a pattern', () => {
    expect(fill('{群名}', { ...vars, group: '$& <b>' })).toBe('$& <b>')
  })
})
