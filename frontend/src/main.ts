import { createApp } from 'vue'
import App from './App.vue'
import { lockedDue, welcomeDue } from './desktop'
import { useWeek } from './health/week'
import { i18n } from './i18n'
import { startLanguage } from './language'
import { loadOptions } from './options'
import { makeRouter } from './router'
import './style.css'

// Ask Go for the stored language before the first paint, so an English user
// never sees a flash of Chinese, and whether this is the first run (welcome).
// The weeks are asked for alongside: the Overview, the usual first screen,
// needs them before it can ask for its cards. They come from the clock, not
// the workspace, so asking is harmless before the welcome or lock screen;
// if the call fails, the week picker asks again when it mounts.
useWeek()
  .loadWeeks()
  .catch(() => {})
// Go's limits and defaults (the options) are loaded before the first form.
Promise.all([startLanguage(), loadOptions()]).then(([info]) => {
  welcomeDue.value = info?.welcome === true
  lockedDue.value = info?.locked === true
  createApp(App).use(i18n).use(makeRouter()).mount('#app')
})
