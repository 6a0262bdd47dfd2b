import { computed } from 'vue'
import { system } from './api'
import { applyLocale, i18n, languageOf, localeOf, type Locale } from './i18n'

/** The UI locale now shown. */
export const currentLocale = computed<Locale>(() => i18n.global.locale.value)

/** startLanguage shows the UI in the language stored in the workspace (Chinese if unknown). */
export async function startLanguage(): Promise<void> {
  try {
    applyLocale(localeOf((await system.info()).language))
  } catch {
    // No backend or no answer: stay in Chinese; the screens show the error.
    applyLocale('zh-CN')
  }
}

/** switchLanguage stores the choice in the workspace first, so Go's messages follow it. */
export async function switchLanguage(locale: Locale): Promise<void> {
  await system.setLanguage(languageOf(locale))
  applyLocale(locale)
}
