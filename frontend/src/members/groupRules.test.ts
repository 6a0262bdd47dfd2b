import { describe, expect, it } from 'vitest'
import { i18n, applyLocale } from '../i18n'
import { groupRulesText } from './groupRules'

const rules = { adWords: ['加我微信', '代购'], whitelist: ['qq.com'], floodCount: 5, floodSeconds: 60, attackWords: ['去死'], strikeDays: 30, strikeLimit: 3, inactiveDays: 21, shareQuota: 2 }
const t = (k: string, a?: Record<string, unknown>) => i18n.global.t(k, a ?? {})

describe('group rules text', () => {
  it('writes numbered Chinese rules from the rule set, without repeating insults', () => {
    applyLocale('zh-CN')
    const text = groupRulesText(rules, t, '、')
    expect(text.split('\n')[0]).toBe('【群规】')
    expect(text).toContain('1. 禁止发广告（如 加我微信、代购 等内容）。')
    expect(text).toContain('除 qq.com 的文章和页面外')
    expect(text).toContain('60 秒内不要连续发 5 条消息')
    expect(text).toContain('记过 30 天内有效；同时有 3 次记过将被移出本群')
    expect(text).not.toContain('去死')
    expect(text).toContain('连续 21 天没有发言的成员会被移出')
    expect(text).toContain('每周至少安排 2 次主题分享')
  })

  it('leaves out a rule that is off, and speaks English', () => {
    applyLocale('en')
    const text = groupRulesText({ ...rules, floodCount: 0, whitelist: [] }, t, ', ')
    expect(text).not.toContain('flooding')
    expect(text).toContain('No links to any website.')
    expect(text).toContain('3 strikes at once')
    expect(text).toContain('silent for 21 days in a row')
    applyLocale('zh-CN')
  })
})
