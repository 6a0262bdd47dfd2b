import { describe, expect, it } from 'vitest'
import { insertAt, joinKeywords, placeholderNames, placeholderToken, splitKeywords } from './text'

const placeholders = [
  { key: 'member', zh: '成员' },
  { key: 'rules_link', zh: '群规链接' },
]

describe('keywords', () => {
  it('splits on any comma, 、 and new lines, dropping blanks and repeats', () => {
    expect(splitKeywords(' 退款，退货,售后、 \n退款 ,, Refund,refund')).toEqual(['退款', '退货', '售后', 'Refund'])
  })
  it('joins in the language', () => {
    expect(joinKeywords(['退款', '退货'], 'zh-CN')).toBe('退款，退货')
    expect(joinKeywords(['refund', 'return'], 'en')).toBe('refund, return')
  })
})

describe('placeholders', () => {
  it('inserts at the caret, replacing a selection', () => {
    expect(insertAt('欢迎加入', '{成员}', 2, 2)).toEqual({ text: '欢迎{成员}加入', caret: 6 })
    expect(insertAt('欢迎XX加入', '{成员}', 2, 4)).toEqual({ text: '欢迎{成员}加入', caret: 6 })
    expect(insertAt('欢迎', '{成员}', null, null)).toEqual({ text: '欢迎{成员}', caret: 6 })
  })
  it('spells placeholders in the UI language', () => {
    expect(placeholderToken(placeholders[0], 'zh-CN')).toBe('{成员}')
    expect(placeholderToken(placeholders[1], 'en')).toBe('{rules_link}')
    expect(placeholderNames(['member', 'rules_link'], placeholders, 'zh-CN')).toBe('{成员}、{群规链接}')
    expect(placeholderNames(['member', 'other'], placeholders, 'en')).toBe('{member}, {other}')
  })
})
