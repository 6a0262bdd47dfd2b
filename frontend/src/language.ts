import { computed } from 'vue'
import { system, type SystemInfo } from './api'
import { applyLocale, i18n, languageOf, localeOf, type Locale } from './i18n'

/** The UI locale now shown. */
export const currentLocale = computed<Locale>(() => i18n.global.locale.value)

/**
 * startLanguage shows the UI in the language stored in the workspace (Chinese
 * if unknown) and returns what Go said about the app (null without an answer).
 */
export async function startLanguage(): Promise<SystemInfo | null> {
  try {
    const info = await system.info()
    applyLocale(localeOf(info.language))
    return info
  } catch {
    // No backend or no answer: stay in Chinese; the screens show the error.
    applyLocale('zh-CN')
    return null
  }
}

/** switchLanguage stores the choice in the workspace first, so Go's messages follow it. */
export async function switchLanguage(locale: Locale): Promise<void> {
  await system.setLanguage(languageOf(locale))
  applyLocale(locale)
}
