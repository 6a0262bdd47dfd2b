import { createI18n } from 'vue-i18n'
import type { Language } from '../api'
import type { Locale } from '../format'
import en from './en'
import zhCN, { type Messages } from './zh-CN'

export type { Locale }

export const i18n = createI18n<[Messages], Locale, false>({
  legacy: false,
  locale: 'zh-CN',
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN, en },
})

/** The UI locale for Go's stored language ('zh' | 'en'). */
export function localeOf(language: Language): Locale {
  return language === 'en' ? 'en' : 'zh-CN'
}

/** Go's language for a UI locale. */
export function languageOf(locale: Locale): Language {
  return locale === 'en' ? 'en' : 'zh'
}

/** applyLocale switches every translated string, the page language and title. */
export function applyLocale(locale: Locale): void {
  i18n.global.locale.value = locale
  if (typeof document !== 'undefined') {
    document.documentElement.lang = locale
    document.title = i18n.global.t('app.title')
  }
}
