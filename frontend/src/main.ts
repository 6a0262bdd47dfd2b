import { createApp } from 'vue'
import App from './App.vue'
import { i18n } from './i18n'
import { startLanguage } from './language'
import { makeRouter } from './router'
import './style.css'

// Ask Go for the stored language before the first paint, so an English user
// never sees a flash of Chinese.
startLanguage().finally(() => {
  createApp(App).use(i18n).use(makeRouter()).mount('#app')
})
