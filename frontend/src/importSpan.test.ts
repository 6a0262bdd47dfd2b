import { describe, expect, it } from 'vitest'
import { i18n } from './i18n'
import { dateRange, spanText } from './importSpan'

const zh = (key: string, args?: Record<string, unknown>) => i18n.global.t(key, args ?? {}, { locale: 'zh-CN' })
const en = (key: string, args?: Record<string, unknown>) => i18n.global.t(key, args ?? {}, { locale: 'en' })

describe('spanText', () => {
  it('says the dates of a one-week file and its week', () => {
    expect(spanText('2024-03-04T08:00:00+08:00', '2024-03-10T21:30:00+08:00', ['2024-W10'], zh)).toBe('2024年3月4日–3月10日，第10周')
    expect(spanText('2024-03-04T08:00:00+08:00', '2024-03-10T21:30:00+08:00', ['2024-W10'], en, 'en')).toBe('Mar 4–10, 2024, week 10')
  })

  it('says the range and the number of weeks of a longer file', () => {
    expect(spanText('2024-03-04T08:00:00+08:00', '2024-05-10T21:30:00+08:00', ['2024-W10', '2024-W11', '2024-W19'], zh)).toBe(
      '2024年3月4日–5月10日，共 3 周',
    )
    expect(spanText('2023-12-30T08:00:00+08:00', '2024-01-02T09:00:00+08:00', ['2023-W52', '2024-W01'], zh)).toBe(
      '2023年12月30日–2024年1月2日，共 2 周',
    )
  })

  it('says nothing for a file without messages', () => {
    expect(spanText('', '', [], zh)).toBe('')
  })
})

describe('dateRange', () => {
  it('writes one day once and English ranges across months and years', () => {
    expect(dateRange('2024-03-04T08:00:00+08:00', '2024-03-04T20:00:00+08:00')).toBe('2024年3月4日')
    expect(dateRange('2024-03-04T08:00:00+08:00', '2024-05-10T20:00:00+08:00', 'en')).toBe('Mar 4 – May 10, 2024')
    expect(dateRange('2023-12-30T08:00:00+08:00', '2024-01-02T20:00:00+08:00', 'en')).toBe('Dec 30, 2023 – Jan 2, 2024')
  })
})
