import { createApp } from 'vue'
import App from './App.vue'
import { lockedDue, welcomeDue } from './desktop'
import { i18n } from './i18n'
import { startLanguage } from './language'
import { makeRouter } from './router'
import './style.css'

// Ask Go for the stored language before the first paint, so an English user
// never sees a flash of Chinese, and whether this is the first run (welcome).
startLanguage().then((info) => {
  welcomeDue.value = info?.welcome === true
  lockedDue.value = info?.locked === true
  createApp(App).use(i18n).use(makeRouter()).mount('#app')
})
